/**
 * The source of the Perl spawner: a small Perl process that forks and execs step processes for us, where
 * the Python one (python-spawner-script.ts, cheaper per start) cannot run.
 *
 * Why not Node's own `spawn`: libuv forks the whole Node process for every child, synchronously on the
 * event loop, and the fork costs about 1 ms at a 50 MB heap and 4 ms at 150 MB (`../shared/bench/forkcost.mjs`).
 * A Perl process of a few MB forks in a tenth of that, on the other core, and our heap no longer slows
 * every start. Perl because it is already on every machine a step's `bash` is on: it is Essential in
 * Debian and Ubuntu (perl-base, which holds POSIX.pm) and ships with macOS and Git for Windows; where it is
 * missing, steps are spawned by Node as before (spawner.ts).
 *
 * Protocol. Requests on stdin are fields each ended by a NUL byte (no argument, path or environment entry
 * can hold a NUL, so no escaping is needed):
 *   B <base> <n> <K=V>×n                        an environment later requests layer over
 *   R <id> <base> <cwd> <file> <n> <arg>×n <m> <K=V>×m   start <file> with argv <arg>… (argv[0] first);
 *                                               an entry K without "=" removes K from the base
 * Replies on stdout are an ASCII line, followed for O and E by that many bytes of output:
 *   H 0 1                 hello, written before anything else: a helper that exits without it started
 *                         nothing (the other requests can go elsewhere)
 *   S <id> <pid>          forked: <pid> leads its own session and process group
 *   F <id> <stage> <errno> it did not start (stage pipe, fork, cwd or exec; errno as a number); nothing
 *                         follows for <id>, and an S for it may have come before. Stage `unsupported`:
 *                         this helper cannot start processes here at all (nothing ran; ask another)
 *   O <id> <len>          <len> bytes the process wrote on stdout; E: on stderr
 *   C <id> <1|2>          its stdout (1) or stderr (2) reached end of file (every holder closed it)
 *   X <id> <code> <sig> <left>  the process itself ended (waitpid): exit code, or the number of its
 *                         signal; <left> is 1 when its process group still has members (what it left
 *                         running), 0 when the group is gone
 * Whether the exec worked is read from a close-on-exec pipe only once it matters: before the process's
 * first output or end is reported (by then the exec is over, so the read never blocks). Every turn of the
 * loop makes one write to Node, and an S alone waits up to 5 ms for company: each wake-up costs both
 * processes more than the work it brings on a small machine.
 * When stdin ends (Node exited or was killed), every process still running gets SIGTERM to its group, and
 * SIGKILL two seconds later: a spawner never leaves steps behind. That is its only way to end: it ignores
 * SIGINT, SIGQUIT, SIGHUP and SIGTERM, which a terminal's Ctrl-C or a runner's cancel sends to the whole
 * process group, so that the orchestrator (which gets them too) can cancel the steps as it means to.
 */
export const PERL_SPAWNER_SCRIPT = String.raw`
use strict;
use warnings;
use POSIX ();

my $input = '';
my (%id_of_pid, %pid_of_id, @bases);
# Output pipes we read: fileno => [handle, id, 1 (stdout) | 2 (stderr)]; and by id, to drop on failure.
my (%reader, %output_of);
# The exec-status pipe of each process whose start is not settled yet, by id.
my %status_of;
# The base environment now in our own %ENV, so a child only sets its few own variables.
my $current_base = -1;
$SIG{CHLD} = sub {};
# A Ctrl-C or a signal to the whole process group is for the orchestrator, which cancels the steps
# gracefully; the helper ends when its stdin does.
$SIG{$_} = 'IGNORE' for qw(PIPE INT QUIT HUP TERM);
binmode STDIN; binmode STDOUT;
syswrite(STDOUT, "H 0 1\n");

my $replies = '';
my $urgent = 0;
sub reply { $replies .= $_[0]; $urgent = 1; }
sub flush {
  while (length $replies) {
    my $n = syswrite(STDOUT, $replies);
    if (!defined $n) { next if $!{EINTR} || $!{EAGAIN}; $replies = ''; finish(); }
    substr($replies, 0, $n, '');
  }
  $urgent = 0;
}

sub finish {
  my @groups = values %pid_of_id;
  kill 'TERM', map { -$_ } @groups if @groups;
  my $deadline = time + 2;
  while (%pid_of_id && time < $deadline) {
    select(undef, undef, undef, 0.05);
    while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) { my $id = delete $id_of_pid{$pid}; delete $pid_of_id{$id} if defined $id; }
  }
  kill 'KILL', map { -$_ } @groups if @groups;
  POSIX::_exit(0);
}

# Whether process <id> runs the program: its status pipe has the child's "stage errno" if it gave up
# before exec, and nothing if exec closed it. False (and F sent, the process forgotten) on failure.
sub settled {
  my ($id) = @_;
  my $fh = delete $status_of{$id};
  return 1 unless defined $fh;
  my $failure = '';
  while (1) { my $n = sysread($fh, $failure, 64, length $failure); last if defined $n && $n == 0; next if !defined $n && $!{EINTR}; last if !defined $n; }
  close($fh);
  return 1 unless length $failure;
  for my $out (@{delete $output_of{$id} // []}) { delete $reader{fileno($out)}; close($out); }
  my $pid = delete $pid_of_id{$id};
  $id_of_pid{$pid} = undef if defined $pid;
  reply("F $id $failure\n");
  return 0;
}

sub reap {
  while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
    my $status = $?;
    next unless exists $id_of_pid{$pid};
    my $id = delete $id_of_pid{$pid};
    next unless defined $id && settled($id);
    delete $pid_of_id{$id};
    delete $output_of{$id};
    my $code = ($status & 127) ? -1 : ($status >> 8);
    my $left = kill(0, -$pid) ? 1 : 0;
    reply("X $id $code " . ($status & 127) . " $left\n");
  }
}

sub start {
  my ($id, $base, $cwd, $file, $args, $env) = @_;
  if ($base != $current_base) { %ENV = %{$bases[$base] // {}}; $current_base = $base; }
  pipe(my $out_r, my $out_w) or return reply("F $id pipe " . ($! + 0) . "\n");
  pipe(my $err_r, my $err_w) or return reply("F $id pipe " . ($! + 0) . "\n");
  pipe(my $status_r, my $status_w) or return reply("F $id pipe " . ($! + 0) . "\n");
  my $pid = fork();
  return reply("F $id fork " . ($! + 0) . "\n") unless defined $pid;
  if ($pid == 0) {
    $SIG{$_} = 'DEFAULT' for qw(CHLD PIPE INT QUIT HUP TERM);
    POSIX::setsid();
    open(STDIN, '<', '/dev/null');
    POSIX::dup2(fileno($out_w), 1);
    POSIX::dup2(fileno($err_w), 2);
    my $fail = sub { syswrite($status_w, "$_[0] " . ($! + 0)); POSIX::_exit(127); };
    chdir($cwd) or $fail->('cwd');
    for my $entry (@$env) { my $eq = index($entry, '='); if ($eq < 0) { delete $ENV{$entry}; } else { $ENV{substr($entry, 0, $eq)} = substr($entry, $eq + 1); } }
    { no warnings 'exec'; exec { $file } @$args; }
    $fail->('exec');
  }
  close($out_w); close($err_w); close($status_w);
  $id_of_pid{$pid} = $id;
  $pid_of_id{$id} = $pid;
  $status_of{$id} = $status_r;
  $output_of{$id} = [$out_r, $err_r];
  $reader{fileno($out_r)} = [$out_r, $id, 1];
  $reader{fileno($err_r)} = [$err_r, $id, 2];
  $replies .= "S $id $pid\n";
}

sub take_requests {
  while (1) {
    my $at = 0;
    my $next = sub { my $end = index($input, "\0", $at); return undef if $end < 0; my $f = substr($input, $at, $end - $at); $at = $end + 1; return $f; };
    my $kind = $next->() // return;
    if ($kind eq 'B') {
      my $base = $next->() // return; my $n = $next->() // return;
      my %env; for (1 .. $n) { my $entry = $next->() // return; my $eq = index($entry, '='); $env{substr($entry, 0, $eq)} = substr($entry, $eq + 1); }
      substr($input, 0, $at, '');
      $bases[$base] = \%env;
      $current_base = -1 if $base == $current_base;
    } elsif ($kind eq 'R') {
      my $id = $next->() // return; my $base = $next->() // return; my $cwd = $next->() // return; my $file = $next->() // return;
      my $n = $next->() // return; my @args; for (1 .. $n) { push @args, ($next->() // return); }
      my $m = $next->() // return; my @env; for (1 .. $m) { push @env, ($next->() // return); }
      substr($input, 0, $at, '');
      start($id, $base, $cwd, $file, \@args, \@env);
    } else {
      print STDERR "spawner: unknown request '$kind'\n";
      finish();
    }
  }
}

while (1) {
  reap();
  flush() if $urgent;
  my $wanted = '';
  vec($wanted, 0, 1) = 1;
  vec($wanted, $_, 1) = 1 for keys %reader;
  # SIGCHLD cuts select short; the timeout only covers one that came just before select began.
  my $timeout = length $replies ? 0.005 : %pid_of_id ? 0.05 : undef;
  my $ready = $wanted;
  my $n = select($ready, undef, undef, $timeout);
  if ($n <= 0) { flush() if length $replies; next; }
  # In the order the pipes were made, so a process's stdout goes before its stderr when both have
  # news: a "::add-mask::" printed on stdout must reach Node before the secret printed next on stderr.
  for my $fd (sort { $a <=> $b } keys %reader) {
    next unless vec($ready, $fd, 1) && exists $reader{$fd};
    my ($fh, $id, $stream) = @{$reader{$fd}};
    next unless settled($id);
    my $n = sysread($fh, my $chunk, 65536);
    next if !defined $n && ($!{EINTR} || $!{EAGAIN});
    if ($n) { reply(($stream == 1 ? 'O' : 'E') . " $id $n\n" . $chunk); next; }
    close($fh);
    delete $reader{$fd};
    reply("C $id $stream\n");
  }
  if (vec($ready, 0, 1)) {
    my $n = sysread(STDIN, $input, 65536, length $input);
    next if !defined $n && $!{EINTR};
    finish() if !$n;
    take_requests();
  }
}
`

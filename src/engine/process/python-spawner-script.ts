/**
 * The source of the Python spawner: the same protocol as the Perl one (perl-spawner-script.ts describes
 * it), so helper-spawner.ts drives either.
 *
 * Why Python first: `os.posix_spawn` is glibc's posix_spawn, which starts the child with
 * clone(CLONE_VM|CLONE_VFORK): no copy of the helper's page tables, no copy-on-write faults in a child
 * that runs interpreter code between fork and exec. Perl can only fork, and a forked Perl touches enough
 * of its heap before the exec to cost about 0.5 ms more CPU a step on a 2-core VM: 2,000 `true` steps
 * took 6.6–7.5 s of machine CPU through Perl and 4.8–5.7 s through this. It needs Python 3.8 (posix_spawn
 * with setsid); the helper says so by exiting before its hello, and Perl takes over.
 *
 * Differences from the Perl helper, none visible to Node:
 * - A start that fails is known at once (posix_spawn returns the exec's errno), so there is no exec-status
 *   pipe and F never follows an S.
 * - posix_spawn has no chdir action: the helper changes its own directory before each start (it is one
 *   thread, and every path it is given is absolute), and a bare program name is looked up on the step's
 *   own PATH here, as execvp in a forked child would.
 * - Python ignores SIGPIPE and SIGXFSZ for itself; the child gets every signal back at its default.
 * - Every output pipe is watched with poll(), not select(), which has no limit on descriptor numbers.
 * The helper runs as `python3 -I -S`: no PYTHON* variable, user site or site module reaches it.
 */
export const PYTHON_SPAWNER_SCRIPT = String.raw`
import errno, os, select, signal, sys, time, traceback

if sys.version_info < (3, 8) or not hasattr(os, 'posix_spawn'):
    os._exit(3)

# The standard signals; glibc keeps 32 and 33 for itself and will not reset them.
DEFAULT_SIGNALS = [s for s in range(1, 32) if s not in (signal.SIGKILL, signal.SIGSTOP)]
pid_of_id = {}
id_of_pid = {}
bases = {}
# Output pipes we read: fd -> (id, 1 for stdout | 2 for stderr).
reader = {}
replies = []
urgent = False

wake_r, wake_w = os.pipe()
os.set_blocking(wake_r, False)
os.set_blocking(wake_w, False)
# SIGCHLD writes a byte to wake_w, so poll() wakes for an exit as it does for output.
signal.signal(signal.SIGCHLD, lambda *_: None)
# As the Perl helper does: it ends only when its stdin does, whatever the process group is sent.
for name in ('SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGTERM'):
    signal.signal(getattr(signal, name), signal.SIG_IGN)
signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
poller = select.poll()
poller.register(0, select.POLLIN)
poller.register(wake_r, select.POLLIN)


def reply(data, now=True):
    global urgent
    replies.append(data)
    urgent = urgent or now


def flush():
    global urgent
    view = memoryview(b''.join(replies))
    replies.clear()
    urgent = False
    while view:
        try:
            view = view[os.write(1, view):]
        except InterruptedError:
            continue
        except OSError:
            finish()


def signal_groups(groups, sig):
    for pid in groups:
        try:
            os.killpg(pid, sig)
        except OSError:
            pass


def finish():
    groups = list(pid_of_id.values())
    signal_groups(groups, signal.SIGTERM)
    deadline = time.monotonic() + 2
    while pid_of_id and time.monotonic() < deadline:
        time.sleep(0.05)
        reap(False)
    signal_groups(groups, signal.SIGKILL)
    os._exit(0)


def reap(report=True):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        i = id_of_pid.pop(pid, None)
        if i is None:
            continue
        del pid_of_id[i]
        if not report:
            continue
        if os.WIFSIGNALED(status):
            code, sig = -1, os.WTERMSIG(status)
        else:
            code, sig = os.WEXITSTATUS(status), 0
        try:
            os.killpg(pid, 0)
            left = 1
        except ProcessLookupError:
            left = 0
        except OSError:
            left = 1
        reply(b'X %d %d %d %d\n' % (i, code, sig, left))


def program_of(file, env):
    if b'/' in file:
        return file
    denied = False
    for directory in env.get(b'PATH', b'/bin:/usr/bin').split(b':'):
        candidate = (directory or b'.') + b'/' + file
        if os.path.isfile(candidate):
            if os.access(candidate, os.X_OK):
                return candidate
            denied = True
    raise OSError(errno.EACCES if denied else errno.ENOENT, 'not found')


def start(i, base, cwd, file, args, own):
    env = dict(bases.get(base, ()))
    for entry in own:
        eq = entry.find(b'=')
        if eq < 0:
            env.pop(entry, None)
        else:
            env[entry[:eq]] = entry[eq + 1:]
    # Every time: the directory may have been removed and made again since the last start.
    try:
        os.chdir(cwd)
    except OSError as e:
        return reply(b'F %d cwd %d\n' % (i, e.errno))
    try:
        program = program_of(file, env)
    except OSError as e:
        return reply(b'F %d exec %d\n' % (i, e.errno))
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        pid = os.posix_spawn(program, args, env, setsid=True, setsigdef=DEFAULT_SIGNALS, setsigmask=(), file_actions=(
            (os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, out_w, 1),
            (os.POSIX_SPAWN_DUP2, err_w, 2)))
    except (OSError, ValueError, NotImplementedError) as e:
        for fd in (out_r, out_w, err_r, err_w):
            os.close(fd)
        if isinstance(e, NotImplementedError):
            return reply(b'F %d unsupported 0\n' % i)
        return reply(b'F %d exec %d\n' % (i, e.errno if isinstance(e, OSError) and e.errno else errno.EINVAL))
    os.close(out_w)
    os.close(err_w)
    pid_of_id[i] = pid
    id_of_pid[pid] = i
    reader[out_r] = (i, 1)
    reader[err_r] = (i, 2)
    poller.register(out_r, select.POLLIN)
    poller.register(err_r, select.POLLIN)
    reply(b'S %d %d\n' % (i, pid), False)


fields = []


def take_requests():
    at, n = 0, len(fields)
    while at < n:
        kind = fields[at]
        if kind == b'B':
            if at + 3 > n:
                break
            end = at + 3 + int(fields[at + 2])
            if end > n:
                break
            env = {}
            for entry in fields[at + 3:end]:
                eq = entry.find(b'=')
                env[entry[:eq]] = entry[eq + 1:]
            bases[int(fields[at + 1])] = env
            at = end
        elif kind == b'R':
            if at + 7 > n:
                break
            argc = int(fields[at + 5])
            if at + 7 + argc > n:
                break
            end = at + 7 + argc + int(fields[at + 6 + argc])
            if end > n:
                break
            start(int(fields[at + 1]), int(fields[at + 2]), fields[at + 3], fields[at + 4], fields[at + 6:at + 6 + argc], fields[at + 7 + argc:end])
            at = end
        else:
            sys.stderr.write('spawner: unknown request %r\n' % kind)
            finish()
    del fields[:at]


def main():
    partial = b''
    os.write(1, b'H 0 1\n')
    while True:
        reap()
        if urgent:
            flush()
        # SIGCHLD wakes poll; the timeout only covers one that came just before it began.
        events = poller.poll(5 if replies else 50 if pid_of_id else None)
        if not events:
            if replies:
                flush()
            continue
        # In the order the pipes were made, so a process's stdout goes before its stderr when both have
        # news: a "::add-mask::" printed on stdout must reach Node before the secret printed next on stderr.
        events.sort()
        stdin_ready = False
        for fd, _ in events:
            if fd == 0:
                stdin_ready = True
            elif fd == wake_r:
                try:
                    os.read(wake_r, 4096)
                except OSError:
                    pass
            elif fd in reader:
                try:
                    chunk = os.read(fd, 65536)
                except (BlockingIOError, InterruptedError):
                    continue
                i, stream = reader[fd]
                if chunk:
                    reply(b'%s %d %d\n' % (b'O' if stream == 1 else b'E', i, len(chunk)) + chunk)
                    continue
                poller.unregister(fd)
                os.close(fd)
                del reader[fd]
                reply(b'C %d %d\n' % (i, stream))
        if stdin_ready:
            try:
                chunk = os.read(0, 65536)
            except InterruptedError:
                continue
            if not chunk:
                finish()
            pieces = (partial + chunk).split(b'\0')
            partial = pieces.pop()
            fields.extend(pieces)
            take_requests()


try:
    main()
except BaseException:
    traceback.print_exc()
    finish()
`

#!/usr/bin/env node
// The cost of starting a process from each helper's language, without the orchestrator: N serial starts
// of `true`, each with its stdout and stderr on fresh pipes, in its own session, as the helpers do it
// (Perl: pipe + fork + setsid + dup2 + exec; Python: pipe + os.posix_spawn; C: pipe + posix_spawn, where
// a C compiler is found). Machine-wide CPU from /proc/stat, so the children's exec and exit count too.
//   node bench/spawn-cost.mjs [--starts 2000] [--rounds 3]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const args = process.argv.slice(2)
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const STARTS = flag('--starts', 2000)
const ROUNDS = flag('--rounds', 3)
const TRUE_PATH = ['/bin/true', '/usr/bin/true'].find((path) => existsSync(path)) ?? '/bin/true'

const PERL = `use POSIX ();
for (1..${STARTS}) {
  pipe(my $out_r, my $out_w); pipe(my $err_r, my $err_w);
  my $pid = fork();
  if (!$pid) { POSIX::setsid(); open(STDIN, '<', '/dev/null'); POSIX::dup2(fileno($out_w), 1); POSIX::dup2(fileno($err_w), 2); exec { '${TRUE_PATH}' } 'true'; POSIX::_exit(127); }
  close($out_w); close($err_w); waitpid($pid, 0);
}`
const PYTHON = `import os
env = dict(os.environ)
for _ in range(${STARTS}):
    out_r, out_w = os.pipe(); err_r, err_w = os.pipe()
    pid = os.posix_spawn('${TRUE_PATH}', ['true'], env, setsid=True, file_actions=[(os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0), (os.POSIX_SPAWN_DUP2, out_w, 1), (os.POSIX_SPAWN_DUP2, err_w, 2)])
    os.close(out_w); os.close(err_w); os.waitpid(pid, 0); os.close(out_r); os.close(err_r)`
const C = `#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
int main(void) {
  for (int i = 0; i < ${STARTS}; i++) {
    int out[2], err[2]; pipe2(out, O_CLOEXEC); pipe2(err, O_CLOEXEC);
    posix_spawn_file_actions_t fa; posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1); posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawnattr_t at; posix_spawnattr_init(&at); posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
    char *argv[] = {"true", 0}; pid_t pid;
    if (posix_spawn(&pid, "${TRUE_PATH}", &fa, &at, argv, environ) != 0) return 1;
    close(out[1]); close(err[1]); waitpid(pid, 0, 0); close(out[0]); close(err[0]);
    posix_spawn_file_actions_destroy(&fa); posix_spawnattr_destroy(&at);
  }
  return 0;
}`

/** user + nice + system + irq + softirq jiffies of the whole machine. */
function busyJiffies() {
  const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number)
  return user + nice + system + irq + softirq
}

const work = mkdtempSync(join(tmpdir(), 'spawn-cost-'))
const runners = [
  { name: 'Perl fork + exec', cmd: 'perl', argv: ['-e', PERL] },
  { name: 'Python os.posix_spawn', cmd: '/usr/bin/python3', argv: ['-I', '-S', '-c', PYTHON] },
]
try {
  writeFileSync(join(work, 'spawn.c'), C)
  if (spawnSync('cc', ['-O2', '-o', join(work, 'spawn'), join(work, 'spawn.c')]).status === 0) runners.push({ name: 'C posix_spawn', cmd: join(work, 'spawn'), argv: [] })
  const cpu = Object.fromEntries(runners.map((r) => [r.name, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const r of runners) {
      const before = busyJiffies()
      const result = spawnSync(r.cmd, r.argv, { stdio: 'ignore' })
      if (result.status !== 0) throw new Error(`${r.name} exited ${result.status ?? result.error}`)
      cpu[r.name].push((busyJiffies() - before) / 100)
    }
  }
  console.log(`${STARTS} serial starts of ${TRUE_PATH}, ${ROUNDS} interleaved rounds, machine-wide CPU s:\n`)
  console.log('| starter | CPU s per round | ms of CPU per start (median) |\n|---|---|---|')
  for (const r of runners) {
    const xs = cpu[r.name]
    const median = [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
    console.log(`| ${r.name} | ${xs.map((x) => x.toFixed(2)).join(' / ')} | ${((median * 1000) / STARTS).toFixed(2)} |`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

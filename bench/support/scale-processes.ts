// The saturation benchmark's processes: each started with the open-file limit raised (a server holds one
// descriptor per screen, past the usual soft limit of 1,024 or 20,000), and every one ended when the
// benchmark ends, fails or is interrupted (Ctrl-C).
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Descriptors a process asks for; the shell falls back to the hard limit when it may not raise it that far. */
const WANTED_OPEN_FILES = 1_048_576;

const running = new Set<ChildProcess>();
const folders = new Set<string>();

/** A Node process running `file` (TypeScript, through tsx) with the open-file limit raised, with an IPC channel. */
export function spawnNode(file: string, args: readonly string[], stdio: StdioOptions, execArgv: readonly string[] = []): ChildProcess {
  // `exec` keeps the IPC descriptor Node opened for the child: the shell only sets the limit, then becomes node.
  const script = `ulimit -n ${WANTED_OPEN_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`;
  const child = spawn('/bin/sh', ['-c', script, 'sh', process.execPath, '--import', 'tsx', ...execArgv, file, ...args], { stdio });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Any other process the benchmark starts (Redis), so it is ended with the rest. */
export function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** Ends a process: SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
export function endProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const hard = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A folder under the system's temporary one, removed when the benchmark ends however it ends. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.add(folder);
  return folder;
}

const killAll = () => {
  for (const child of running) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders.clear();
};

/**
 * For the length of `work`: Ctrl-C or SIGTERM ends every process started here and exits; so does leaving
 * the benchmark's process any other way. Afterwards nothing is left running, whatever `work` did.
 */
export async function withCleanup<T>(work: () => Promise<T>): Promise<T> {
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nscale: ${signal}: stopping every screen, server and Redis it started\n`);
    killAll();
    process.exit(130);
  };
  process.on('exit', killAll);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await work();
  } finally {
    await Promise.all([...running].map((child) => endProcess(child, 3000)));
    killAll();
    process.off('exit', killAll);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** This process's open-file limit (Linux: /proc/self/limits), or null where it cannot be read. */
export function openFileLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined || soft === 'unlimited' ? null : Number(soft);
  } catch {
    return null;
  }
}

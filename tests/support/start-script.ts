import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface StartScript {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm run web` without its build step (`--no-build`): scripts/start.mjs, its supervisor and a real gateway. */
export function startWebScript(env: Record<string, string>, args: readonly string[] = []): StartScript {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-build', ...args], {
    env: { ...process.env, HOST: '127.0.0.1', QUEUEBOARD_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => setImmediate(() => resolve({ code, signal }))),
  );
  return { child, output: () => output, exited };
}

/** A port nothing listens on right now (the script needs a fixed one: it prints it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(what: string, check: () => boolean, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms. Output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

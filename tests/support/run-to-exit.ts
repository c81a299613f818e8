import { spawn } from 'node:child_process';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command from the project root to its end (a gateway that refuses to start, `npm run backup`). */
export function runToExit(command: string, args: readonly string[], env: Record<string, string>, timeoutMs = 30_000): Promise<Finished> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not end within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // Let the pipes drain: 'exit' can come before the last chunk.
      setImmediate(() => resolve({ code, signal, stdout, stderr }));
    });
  });
}

/** The gateway as `npm run gateway` starts it, on an ephemeral loopback port. */
export const gatewayCommand = [process.execPath, ['--import', 'tsx', 'server/index.ts']] as const;
export const gatewayEnv = { HOST: '127.0.0.1', PORT: '0' };

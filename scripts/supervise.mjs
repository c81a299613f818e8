// Keeps the gateway running under `npm start` and `npm run web`: a gateway that dies is started again
// after a pause that doubles with each quick death (capped), every restart counted and logged with the
// exit code or signal. A gateway that exits with EXIT_NEEDS_OPERATOR (a configuration, store or port
// problem only a person can fix) is reported and not restarted: a loop would only repeat the message.
// Production uses systemd instead (docs/queueboard-gateway.service); this is for a floor run by hand.
import { spawn } from 'node:child_process';

/** server/runtime/exit-codes.ts: EX_CONFIG of sysexits.h. */
export const EXIT_NEEDS_OPERATOR = 78;

/** The pause before restart number `failures` (1, 2, …) after quick deaths: initial × 2^(n−1), at most max. */
export function restartDelay(failures, { initialMs, maxMs }) {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}

const describeExit = (code, signal) => (signal ? `signal ${signal}` : `exit code ${code}`);

/**
 * Starts `command args` and restarts it when it dies. `onListening(restarts)` runs each time the gateway
 * reports (over IPC, from server/index.ts) that it holds its port; `onGiveUp(code)` when it must not be
 * restarted. A gateway that ran for `healthyAfterMs` before dying starts the backoff again from the beginning.
 */
export function superviseGateway({
  command,
  args,
  env = process.env,
  cwd = process.cwd(),
  log = (line) => console.error(`[supervisor] ${line}`),
  initialDelayMs = 1000,
  maxDelayMs = 30_000,
  healthyAfterMs = 60_000,
  onListening = () => {},
  onGiveUp = () => {},
}) {
  let child = null;
  let stopping = false;
  let restarts = 0;
  let quickFailures = 0;
  let timer = null;

  const start = () => {
    const startedAt = Date.now();
    child = spawn(command, args, { cwd, env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    log(restarts === 0 ? `gateway started (pid ${child.pid})` : `gateway started again (pid ${child.pid}, restart ${restarts})`);
    child.on('message', (message) => {
      if (message?.type === 'queueboard:listening') onListening(restarts);
    });
    child.once('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      const ranMs = Date.now() - startedAt;
      if (code === EXIT_NEEDS_OPERATOR) {
        log(`the gateway cannot start until the problem above is fixed (exit code ${code}); not restarting it`);
        onGiveUp(code);
        return;
      }
      quickFailures = ranMs >= healthyAfterMs ? 1 : quickFailures + 1;
      restarts += 1;
      const delay = restartDelay(quickFailures, { initialMs: initialDelayMs, maxMs: maxDelayMs });
      log(`gateway died (${describeExit(code, signal)}) after ${(ranMs / 1000).toFixed(1)} s; restart ${restarts} in ${(delay / 1000).toFixed(1)} s`);
      timer = setTimeout(() => {
        timer = null;
        if (!stopping) start();
      }, delay);
    });
  };
  start();

  return {
    get restarts() {
      return restarts;
    },
    /** Stops restarting and ends the gateway with `signal`; resolves once it has exited. */
    stop(signal = 'SIGTERM') {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = child;
      if (!running) return Promise.resolve();
      return new Promise((resolve) => {
        running.once('exit', () => resolve());
        running.kill(signal);
      });
    },
  };
}

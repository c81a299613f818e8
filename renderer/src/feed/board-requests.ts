/** The first wait for a board before asking again; never shorter than the gateway's one resync a second. */
export const BOARD_RETRY_FIRST_MS = 1000;
/** The longest wait between two requests for the board. */
export const BOARD_RETRY_MAX_MS = 30_000;

/**
 * How long to wait for the board after request number `attempt` (1 = the board the gateway sends on connect,
 * or the first resync) before asking again: the ceiling doubles from 2 s to 30 s, and the wait is drawn from its
 * upper half, so a floor of walls that lost their boards together does not ask again in lockstep (1–2 s, 2–4 s,
 * … 15–30 s), and is never under the gateway's limit of one resync a second.
 */
export function boardRetryDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BOARD_RETRY_MAX_MS, 2 * BOARD_RETRY_FIRST_MS * 2 ** Math.max(0, attempt - 1));
  return Math.max(BOARD_RETRY_FIRST_MS, Math.round(ceiling * (0.5 + 0.5 * random())));
}

export interface BoardRequestsOptions {
  /** Sends one request for the board (a `resync`). */
  ask: () => void;
  /** Runs a task once after `ms` unless the returned function is called first. */
  after: (ms: number, task: () => void) => () => void;
  random: () => number;
  now: () => number;
  /** Told each time the board is asked for again: how many requests are out, and when the next goes. */
  waiting: (attempt: number, retryAt: number) => void;
}

export interface BoardRequests {
  /** A board is owed: the gateway sends one on connect (`asked: false`), or this screen asks for one now. One at a time. */
  expect(asked: boolean): void;
  /** The board arrived: no more requests, and the next wait starts from the first again. */
  received(): void;
  /** The socket is down: ask nothing (socket.io would send the requests buffered when it reconnects). */
  stop(): void;
  /** Whether a board is owed and not yet received. */
  readonly owed: boolean;
}

/**
 * Asks for the board until it arrives, with bounded backoff and jitter: a request the gateway never answered
 * (overloaded, just restarted, an answer lost between gateways) is asked again rather than left for a gap in
 * the update numbers that may never come.
 */
export function createBoardRequests({ ask, after, random, now, waiting }: BoardRequestsOptions): BoardRequests {
  let attempt = 0;
  let cancel: (() => void) | null = null;
  const arm = (): number => {
    const delay = boardRetryDelay(attempt, random);
    cancel = after(delay, () => {
      attempt++;
      ask();
      waiting(attempt, now() + arm());
    });
    return delay;
  };
  const clear = () => {
    cancel?.();
    cancel = null;
    attempt = 0;
  };
  return {
    expect(asked) {
      if (cancel !== null) return; // one request out at a time: the one pending covers this too
      attempt = 1;
      if (asked) ask();
      arm();
    },
    received: clear,
    stop: clear,
    get owed() {
      return cancel !== null;
    },
  };
}

import type { Welcome } from '../cluster/relay';

/** Screens sent their welcome in one turn of the event loop, at most: a storm spreads over turns, each a few ms. */
export const WELCOMES_PER_TURN = 100;

/** A screen waiting for its welcome (a socket: skipped if it has gone meanwhile). */
export interface WaitingScreen {
  id: string;
  connected: boolean;
}

export interface WelcomeQueueOptions<S extends WaitingScreen> {
  /** The evaluating gateway's welcome: built here when this one evaluates, asked for over the relay when not. */
  welcome: () => Promise<Welcome | null>;
  /** Sends one welcome to every screen named, encoded once for all of them (socket.io's broadcast to their rooms). */
  send: (screens: readonly S[], welcome: Welcome, withThresholds: boolean) => void;
  /** The welcome could not be had (an answer from another gateway that did not parse): that batch is not sent. */
  failed: (error: Error) => void;
  perTurn?: number;
  nextTurn?: () => Promise<void>;
}

/**
 * The welcome of screens that have just connected or asked to resync, sent in batches. Each batch gets one
 * welcome (on the evaluating gateway, the one the welcome cache holds; elsewhere, one question to it over
 * the relay, not one a screen), encoded once for its screens, then the loop turns before the next batch.
 * Screens arriving meanwhile join the queue. A storm (every screen of a dead gateway at once, a floor
 * switching on) so spreads over turns of a few milliseconds each, and the lease is renewed between them:
 * sent one by one, as they came, the welcomes held the evaluating gateway's loop past its lease.
 * The welcome is fetched when its batch is sent, never before its screens joined their rooms: its seq is
 * never older than the updates they get.
 */
export function createWelcomeQueue<S extends WaitingScreen>(options: WelcomeQueueOptions<S>) {
  const perTurn = options.perTurn ?? WELCOMES_PER_TURN;
  const nextTurn = options.nextTurn ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const waiting: Array<{ screen: S; withThresholds: boolean }> = [];
  let draining = false;

  async function drain(): Promise<void> {
    draining = true;
    // One turn first, so the screens connecting in this one share the batch.
    await nextTurn();
    while (waiting.length > 0) {
      const batch = waiting.splice(0, perTurn);
      try {
        send(batch, await options.welcome());
      } catch (error) {
        options.failed(error as Error);
      }
      if (waiting.length > 0) await nextTurn();
    }
    draining = false;
  }

  function send(batch: ReadonlyArray<{ screen: S; withThresholds: boolean }>, welcome: Welcome | null): void {
    // None while no gateway evaluates: the next one to take over sends every screen its board.
    if (!welcome) return;
    for (const withThresholds of [true, false]) {
      const screens = batch.filter((entry) => entry.withThresholds === withThresholds && entry.screen.connected).map((entry) => entry.screen);
      if (screens.length > 0) options.send(screens, welcome, withThresholds);
    }
  }

  return {
    /** Queues a screen's welcome; it is sent within a turn or two, later only in a storm. */
    add(screen: S, withThresholds: boolean): void {
      waiting.push({ screen, withThresholds });
      if (!draining) void drain();
    },
  };
}

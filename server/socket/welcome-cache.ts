import type { Welcome } from '../cluster/relay';

/** How old (gateway clock) a welcome may be when it is sent again: a snapshot's serverTime is never older than this. */
export const WELCOME_REUSE_MS = 200;

/**
 * The rules and the board as a screen is sent them on connect, built once and handed to every screen (and
 * every other gateway's screens, over the relay) that asks before anything changes. A storm of screens
 * connecting at once (a gateway died and all its walls arrive elsewhere) then costs one build per change,
 * not one per screen: built for each, the board and the rules held the evaluating gateway's loop past its
 * lease. Whatever changes what a welcome holds is sent as a broadcast, and each broadcast calls `changed`;
 * what changes between broadcasts (states not yet batched into an update) comes with the next update anyway.
 */
export function createWelcomeCache(build: () => Welcome, now: () => number, reuseMs = WELCOME_REUSE_MS) {
  let held: { welcome: Welcome; builtAt: number } | null = null;
  return {
    welcome(): Welcome {
      const at = now();
      // A clock that moved backwards (a test's fake one set back) makes it stale too.
      if (held && at >= held.builtAt && at - held.builtAt <= reuseMs) return held.welcome;
      held = { welcome: build(), builtAt: at };
      return held.welcome;
    },
    /** Something a welcome holds changed (an update, the rules, a broadcast, a command): the next one is built afresh. */
    changed(): void {
      held = null;
    },
  };
}

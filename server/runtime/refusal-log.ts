import type { Clock } from './clock';
import type { Logger } from './logger';

export interface RefusalLogOptions {
  clock: Clock;
  logger: Logger;
  /** At most one line per address this often. */
  everyMs?: number;
  /** Addresses remembered at most; the least recently logged are forgotten first, so a flood cannot grow memory. */
  maxAddresses?: number;
}

/**
 * Logs refused handshakes at most once per address per minute, each line with how many were refused since
 * the previous one: a client hammering a locked door writes one line a minute, not one per knock.
 */
export class RefusalLog {
  private readonly byAddress = new Map<string, { loggedAt: number; unlogged: number }>();

  constructor(private readonly options: RefusalLogOptions) {}

  note(address: string, code: string, reason: string): void {
    const now = this.options.clock.now();
    const entry = this.byAddress.get(address);
    if (entry && now - entry.loggedAt < (this.options.everyMs ?? 60_000)) {
      entry.unlogged += 1;
      return;
    }
    this.byAddress.delete(address);
    this.byAddress.set(address, { loggedAt: now, unlogged: 0 });
    const max = this.options.maxAddresses ?? 10_000;
    while (this.byAddress.size > max) this.byAddress.delete(this.byAddress.keys().next().value!);
    this.options.logger.warn('handshake refused', { address, code, reason, refusedSinceLastLine: (entry?.unlogged ?? 0) + 1 });
  }
}

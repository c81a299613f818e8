import type { Scheduler } from '../runtime/clock';
import type { Logger } from '../runtime/logger';

/**
 * Where leases are kept: Redis for a cluster (redis-lease.ts), this process for one gateway
 * (in-process-lease.ts). The same suite tests both (tests/cluster/lease-store.test.ts).
 */
export interface LeaseStore {
  /** Takes the lease for `holder`, or extends it when `holder` has it already; false while another holds it. */
  hold(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` has it (a clean stop hands over at once, not after the lease runs out). */
  release(name: string, holder: string): Promise<void>;
  /** Who holds the lease now, or null. */
  holder(name: string): Promise<string | null>;
}

/** How long a lease lasts unrenewed: a dead holder's work is taken over within this plus two beats (≤ 6.7 s, under 10 s). */
export const DEFAULT_LEASE_MS = 4000;

/**
 * A lease is first taken for this long: starting the work it guards may hold the process a while (the demo
 * replays a day at once, seconds of a busy core), and the lease must not run out meanwhile, or the next
 * standby takes it and blocks the same way. Renewed at the normal length as soon as the work has started.
 */
export const DEFAULT_STARTUP_MS = 30_000;

export interface LeaseKeeperOptions {
  store: LeaseStore;
  name: string;
  holder: string;
  ttlMs?: number;
  startupMs?: number;
  /** Real time, never --speed's accelerated clock: a lease is held in Redis's milliseconds. */
  monotonic: () => number;
  scheduler: Scheduler;
  logger: Logger;
  /** This gateway now holds the lease: start the work it guards (a promise: the start lasts until it settles). */
  acquired: () => void | Promise<void>;
  /**
   * The lease ran out before it could be renewed (the store unreachable, this process paused), or another
   * holder has it: the work must stop at once, as another gateway may already be doing it. The keeper stops.
   */
  lost: (reason: string) => void;
}

/**
 * Keeps trying to hold one lease and keeps it renewed: every third of its life, so two renewals may fail
 * before it runs out. The holder counts the lease's life from when it asked, which is before the store
 * started counting, so it always believes it holds the lease for less time than the store grants it.
 * A gateway standing by takes the lease only once it has seen it free at two beats in a row: after a Redis
 * restart (its keys gone) the holder, which renews at every beat, keeps it rather than lose a race for it.
 * A dead holder's lease is so taken within the lease's life plus two beats.
 */
export class LeaseKeeper {
  private readonly ttlMs: number;
  private readonly startupMs: number;
  private cancel: (() => void) | null = null;
  /** Until when (monotonic) this holder may act; null while it does not hold the lease. */
  private heldUntil: number | null = null;
  private asking = false;
  private stopped = false;
  /** A standby saw the lease free at its last beat. */
  private seenFree = false;
  /** The work is still starting (`acquired` answered a promise not yet settled): renewals keep the startup length. */
  private starting = false;

  constructor(private readonly options: LeaseKeeperOptions) {
    this.ttlMs = options.ttlMs ?? DEFAULT_LEASE_MS;
    this.startupMs = Math.max(this.ttlMs, options.startupMs ?? DEFAULT_STARTUP_MS);
  }

  get holding(): boolean {
    return this.heldUntil !== null;
  }

  get renewEveryMs(): number {
    return Math.max(50, Math.floor(this.ttlMs / 3));
  }

  start(): void {
    if (this.stopped) throw new Error(`The lease keeper for "${this.options.name}" was stopped; make a new one.`);
    this.cancel ??= this.options.scheduler.every(this.renewEveryMs, () => this.beat());
    this.beat();
  }

  /** Stops renewing and, if held, gives the lease up so another gateway takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    if (this.heldUntil === null) return;
    this.heldUntil = null;
    await this.options.store.release(this.options.name, this.options.holder).catch((error: Error) => {
      this.options.logger.warn('could not give the lease up: another gateway takes over when it runs out', { lease: this.options.name, error: error.message });
    });
  }

  private beat(): void {
    if (this.stopped) return;
    // Checked on every beat, even while a request hangs (a store that stopped answering).
    if (this.heldUntil !== null && this.options.monotonic() >= this.heldUntil) {
      this.lose(`not renewed within ${this.ttlMs} ms (the lease store did not answer)`);
      return;
    }
    if (this.asking) return;
    this.asking = true;
    const askedAt = this.options.monotonic();
    const lifeMs = this.heldUntil === null || this.starting ? this.startupMs : this.ttlMs;
    this.attempt(lifeMs).then(
      (held) => this.answered(held, askedAt, lifeMs),
      (error: Error) => {
        this.asking = false;
        this.options.logger.warn('the lease store did not answer', { lease: this.options.name, error: error.message });
      },
    );
  }

  /** A holder renews; a standby looks first, and asks only for a lease it saw free at its last beat too. */
  private async attempt(lifeMs: number): Promise<boolean> {
    if (this.heldUntil === null) {
      const current = await this.options.store.holder(this.options.name);
      if (current !== null || !this.seenFree) {
        this.seenFree = current === null;
        return false;
      }
    }
    return this.options.store.hold(this.options.name, this.options.holder, lifeMs);
  }

  private answered(held: boolean, askedAt: number, lifeMs: number): void {
    this.asking = false;
    if (this.stopped) return;
    if (!held) {
      if (this.heldUntil !== null) this.lose('another gateway holds it');
      return;
    }
    const until = askedAt + lifeMs;
    // An answer that comes after the lease ran out locally renews nothing: the work already stopped.
    if (this.options.monotonic() >= until) return;
    const wasHolding = this.heldUntil !== null;
    this.heldUntil = until;
    if (!wasHolding) {
      this.options.logger.info('took the lease', { lease: this.options.name, holder: this.options.holder, ttlMs: this.ttlMs });
      const started = this.options.acquired();
      // The work has started: back to the normal length at once, so a death from now on is noticed as quickly.
      if (!(started instanceof Promise)) return this.beat();
      this.starting = true;
      void started.finally(() => {
        this.starting = false;
        this.beat();
      });
    }
  }

  private lose(reason: string): void {
    this.heldUntil = null;
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    this.options.logger.warn('lost the lease', { lease: this.options.name, holder: this.options.holder, reason });
    this.options.lost(reason);
  }
}

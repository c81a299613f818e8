import type { Clock } from '../runtime/clock';

export interface FailureLimiterOptions {
  clock: Clock;
  /** Failures allowed per address within the window before it is refused outright. */
  maxFailures: number;
  windowMs: number;
  /** Addresses kept at most; the oldest are forgotten first, so a flood of addresses cannot grow memory. */
  maxAddresses?: number;
}

/**
 * Slows down token guessing: an address with too many failed attempts in a window is refused until the
 * window has passed, whatever it presents. Successes do not reset it (a guesser could interleave them).
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: FailureLimiterOptions) {}

  /** Seconds until the address may try again, or 0 if it may now. */
  blockedFor(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.options.maxFailures) return 0;
    return Math.ceil((recent[0]! + this.options.windowMs - this.options.clock.now()) / 1000);
  }

  fail(address: string): void {
    const recent = this.recent(address);
    recent.push(this.options.clock.now());
    // Only the newest maxFailures decide when the address may try again: a flood keeps no more than that.
    if (recent.length > this.options.maxFailures) recent.splice(0, recent.length - this.options.maxFailures);
    this.failures.delete(address);
    this.failures.set(address, recent);
    const max = this.options.maxAddresses ?? 10_000;
    while (this.failures.size > max) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(address: string): number[] {
    const cutoff = this.options.clock.now() - this.options.windowMs;
    const kept = (this.failures.get(address) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) this.failures.delete(address);
    return kept;
  }
}

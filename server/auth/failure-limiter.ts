import { RateLimiterMemory, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import { hashToken } from './token-registry';

export interface FailureLimiterOptions {
  /** Failures allowed per presented credential, and per address, within the window. */
  maxFailures: number;
  windowSeconds: number;
  /**
   * The store of one set of buckets; in memory by default. rate-limiter-flexible keeps its time with
   * Date.now, so tests either use short real windows or fake Date; scale-out passes a RateLimiterRedis.
   */
  buckets?: (keyPrefix: string, points: number, durationSeconds: number) => RateLimiterAbstract;
}

/** Who tried: the credential as presented (undefined for none) and the client's address. */
export interface Attempt {
  credential: string | undefined;
  address: string;
}

/** The answer to a credential check, or a refusal for too many failures with the seconds to wait. */
export type Limited<T> = T | { ok: false; code: 'too-many-attempts'; retryAfter: number; message: string };

const memoryBuckets = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => new RateLimiterMemory({ keyPrefix, points, duration });

/**
 * Slows down guessing without punishing anyone else. Failures are counted twice: against the credential
 * presented (its digest, never the secret) and against the address. A credential that checks out is always
 * let through, whatever failed beside it: behind an office NAT or a reverse proxy one laptop with an old
 * token cannot lock out the floor. Only unknown credentials are refused when either bucket is full, with
 * the seconds to wait. Successes do not reset the buckets (a guesser could interleave them).
 */
export class FailureLimiter {
  private readonly byCredential: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(private readonly options: FailureLimiterOptions) {
    const buckets = options.buckets ?? memoryBuckets;
    this.byCredential = buckets('failed-credential', options.maxFailures, options.windowSeconds);
    this.byAddress = buckets('failed-address', options.maxFailures, options.windowSeconds);
  }

  /**
   * Runs `verify` (a digest lookup, cheap and constant in time) and returns its answer when it passes;
   * a failure is counted, or refused with `too-many-attempts` when the credential or the address is over its limit.
   */
  async check<T extends { ok: boolean }>(attempt: Attempt, verify: () => T): Promise<Limited<T>> {
    const verdict = verify();
    if (verdict.ok) return verdict;
    const wait = await this.blockedFor(attempt);
    if (wait > 0) {
      return { ok: false, code: 'too-many-attempts', retryAfter: wait, message: `Too many failed attempts with this credential or from this address: try again in ${wait} s.` };
    }
    await this.fail(attempt);
    return verdict;
  }

  /** Seconds until this credential may be tried again from this address, or 0 if it may now. */
  async blockedFor({ credential, address }: Attempt): Promise<number> {
    const [byCredential, byAddress] = await Promise.all([
      credential === undefined ? null : this.byCredential.get(credentialKey(credential)),
      this.byAddress.get(address),
    ]);
    return Math.max(this.wait(byCredential), this.wait(byAddress));
  }

  async fail({ credential, address }: Attempt): Promise<void> {
    // A bucket already over its limit rejects the consume: that is the point, not an error.
    const consume = (buckets: RateLimiterAbstract, key: string) => buckets.consume(key).catch((res: unknown) => (res instanceof Error ? Promise.reject(res) : res));
    await Promise.all([credential === undefined ? null : consume(this.byCredential, credentialKey(credential)), consume(this.byAddress, address)]);
  }

  private wait(res: RateLimiterRes | null): number {
    if (!res || res.consumedPoints < this.options.maxFailures || res.msBeforeNext <= 0) return 0;
    return Math.ceil(res.msBeforeNext / 1000);
  }
}

/** The bucket of a credential: its digest, so the secret is never kept (or sent to a shared store). */
function credentialKey(credential: string): string {
  return hashToken(credential);
}

import type { LeaseStore } from './lease';

/** Leases kept in this process, for one gateway (or tests): the same rules as Redis's, on the given clock. */
export class InProcessLeaseStore implements LeaseStore {
  private readonly leases = new Map<string, { holder: string; expiresAt: number }>();

  constructor(private readonly monotonic: () => number) {}

  hold(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.monotonic();
    const current = this.leases.get(name);
    if (current && current.holder !== holder && current.expiresAt > now) return Promise.resolve(false);
    this.leases.set(name, { holder, expiresAt: now + ttlMs });
    return Promise.resolve(true);
  }

  release(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
    return Promise.resolve();
  }

  holder(name: string): Promise<string | null> {
    const current = this.leases.get(name);
    return Promise.resolve(current && current.expiresAt > this.monotonic() ? current.holder : null);
  }
}

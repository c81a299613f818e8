import type { RedisClientType } from 'redis';
import type { LeaseStore } from './lease';

/**
 * Renew when held, else take it only if free (SET NX PX), in one step on the server: no other holder can
 * slip in between. After a Redis restart (its keys gone) the holder that asks first holds it again.
 */
const HOLD = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

/** Deletes the key only if this holder still has it, so a late release never frees another holder's lease. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Leases in Redis, under `<prefix><name>` (one key each). */
export class RedisLeaseStore implements LeaseStore {
  constructor(
    private readonly client: Pick<RedisClientType, 'eval' | 'get'>,
    private readonly prefix = 'queueboard:lease:',
  ) {}

  async hold(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const held = await this.client.eval(HOLD, { keys: [this.prefix + name], arguments: [holder, String(Math.ceil(ttlMs))] });
    return held === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.client.eval(RELEASE, { keys: [this.prefix + name], arguments: [holder] });
  }

  async holder(name: string): Promise<string | null> {
    return (await this.client.get(this.prefix + name)) ?? null;
  }
}

import pg from 'pg';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { startRealPostgres } from '../support/real-postgres';
import { startRealRedis } from '../support/real-redis';
import { findBinary } from '../support/real-servers';

describe('the real servers the cluster tests start', () => {
  it('a Redis on loopback answers, and comes back empty after a restart on the same port', async () => {
    const redis = await startRealRedis();
    const client = createClient({ url: redis.url, socket: { reconnectStrategy: () => 50 } });
    client.on('error', () => undefined); // the restart below drops the connection on purpose; the client reconnects
    try {
      await client.connect();
      await client.set('k', 'v');
      expect(await client.get('k')).toBe('v');
      await redis.stop();
      await redis.start();
      expect(await client.get('k')).toBeNull();
    } finally {
      client.destroy();
      await redis.close();
    }
  });

  it('a PostgreSQL on loopback answers a query', async () => {
    const postgres = await startRealPostgres();
    const client = new pg.Client({ connectionString: postgres.url });
    try {
      await client.connect();
      const { rows } = await client.query<{ answer: number }>('SELECT 40 + 2 AS answer');
      expect(rows[0]!.answer).toBe(42);
    } finally {
      await client.end();
      await postgres.close();
    }
  });

  it('a missing server binary fails with the package to install, never a skip', () => {
    expect(() => findBinary('redis-server', ['/nowhere/redis-server'], 'redis-server')).toThrow(/install Debian's redis-server package.*never skip/);
  });
});

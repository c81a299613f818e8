import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { capturingLogger, fakeSleep, sendJson, startFakeHelpdesk } from '../../../tests/support/fake-helpdesk';
import { FakeTime } from '../../../tests/support/fake-time';
import { connectionFields } from '../http/connection-config';
import { createConnectorKit, type ConnectorKitOptions } from './connector-kit';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const TOKEN = 'kit-token-0123456789';
const ENCODED = Buffer.from(`user:${TOKEN}`).toString('base64');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function kitFor(connection: Record<string, unknown>, overrides: Partial<ConnectorKitOptions> = {}) {
  const helpdesk = await startFakeHelpdesk((_req, res) => sendJson(res, 200, { items: [{ n: 1 }, { n: 'two' }, { n: 3 }] }));
  closers.push(helpdesk.close);
  const time = new FakeTime(NOW);
  const logger = capturingLogger();
  const { sleep, waits } = fakeSleep(time);
  const kit = createConnectorKit({
    label: 'Helpdesk',
    connection: z.object(connectionFields).parse({ id: 'hd', ...connection }),
    queueIds: ['q1', 'q2'],
    baseUrl: helpdesk.baseUrl,
    credentials: () => ({ headers: { authorization: `Basic ${ENCODED}` }, encoded: [ENCODED] }),
    defaultLimitPerMinute: 100,
    readRateInfo: () => ({}),
    capabilities: { fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep, random: () => 0, logger, env: { KIT_TOKEN: TOKEN } },
    ...overrides,
  });
  return { kit, helpdesk, logger, waits };
}

describe('connector kit', () => {
  it('reads the token from the named variable and masks it, and its encoded forms, in every line the connector logs', async () => {
    const seen: string[] = [];
    const { kit, helpdesk, logger } = await kitFor({ tokenEnv: 'KIT_TOKEN' }, {
      credentials: (token) => {
        seen.push(token);
        return { headers: { authorization: `Basic ${ENCODED}` }, encoded: [ENCODED] };
      },
    });
    expect(seen).toEqual([TOKEN]);
    await kit.client.json(z.unknown(), { path: '/x' });
    expect(helpdesk.requests[0]!.headers.authorization).toBe(`Basic ${ENCODED}`);
    kit.logger.warn(`echo ${TOKEN}`, { header: `Basic ${ENCODED}`, url: `/x?key=${encodeURIComponent(TOKEN)}` });
    expect(logger.lines).toEqual(['warn echo [redacted] {"header":"Basic [redacted]","url":"/x?key=[redacted]"}']);
  });

  it('makes one polled source of its queues at the poll interval, counting the items it skipped', async () => {
    const { kit } = await kitFor({ token: TOKEN, pollSeconds: 30 });
    const Page = z.object({ items: z.array(z.unknown()) });
    const source = kit.polledSource(async (_sink, signal) => {
      const page = await kit.client.json(Page, { path: '/items', signal });
      expect(kit.validItems(z.object({ n: z.number() }), page.items, 'items')).toEqual([{ n: 1 }, { n: 3 }]);
    });
    expect([source.id, source.queueIds, source.expectedIntervalMs, source.durable]).toEqual(['hd', ['q1', 'q2'], 30_000, true]);
    source.start({ events: () => {}, reading: () => {}, status: () => {} });
    await source.settled();
    source.stop();
    expect(source.skippedItems).toBe(1);
    expect(source.failuresInARow).toBe(0);
  });

  it('spends its share of rateLimitPerMinute when given, of the helpdesk default otherwise', async () => {
    const twice = async (connection: Record<string, unknown>) => {
      const { kit, waits } = await kitFor({ token: TOKEN, maxBudgetShare: 0.5, ...connection });
      await kit.client.json(z.unknown(), { path: '/a' });
      await kit.client.json(z.unknown(), { path: '/b' });
      return waits;
    };
    // Half of 2 a minute: the second request waits out the minute.
    expect(await twice({ rateLimitPerMinute: 2 })).toEqual([60_000]);
    expect(await twice({})).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { CONFIG_VERSION, GatewayConfigSchema, type GatewayConfigInput } from './config-schema';
import { resolveStaleLimits } from './stale-limits';

const team = { name: 'Care', kind: 'in-house' } as const;
const queue = (id: string, extra: object = {}) => ({ id, name: id, officeId: 'lisbon', channel: 'chat', team, ...extra }) as const;

function parse(input: Partial<GatewayConfigInput>) {
  return GatewayConfigSchema.parse({
    version: CONFIG_VERSION,
    offices: [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
    queues: [queue('chat')],
    ...input,
  });
}

describe('source kinds, resolved once when the configuration is read', () => {
  it('feeds a queue that names no source from the demo when there is a demo section, else through ingest', () => {
    const withDemo = parse({ demo: { seed: 1, tickMs: 1000 }, queues: [queue('chat'), queue('mail', { source: { kind: 'push' } })] });
    expect(withDemo.queues.map((q) => q.source.kind)).toEqual(['demo', 'push']);
    expect(parse({}).queues.map((q) => q.source.kind)).toEqual(['push']);
  });

  it('reads its own output back unchanged', () => {
    const config = parse({ demo: { seed: 1, tickMs: 1000 } });
    expect(GatewayConfigSchema.parse(config)).toEqual(config);
  });
});

describe('resolveStaleLimits', () => {
  it('gives a push queue the staleness factor times the expected ingest interval', () => {
    const config = parse({ ingest: { expectedIntervalSeconds: 20 }, health: { stalenessFactor: 3 } });
    expect(resolveStaleLimits(config, [], 1)).toEqual(new Map([['chat', 60_000]]));
  });

  it('does not judge a demo queue by the ingest interval: only the demo source gives it a rhythm', () => {
    // The gateway once defaulted a queue without a source to push while the start-up defaulted it to demo.
    const config = parse({ demo: { seed: 1, tickMs: 1000 } });
    expect(resolveStaleLimits(config, [], 1).has('chat')).toBe(false);
    expect(resolveStaleLimits(config, [{ queueIds: ['chat'], expectedIntervalMs: 1000 }], 30).get('chat')).toBe(3 * 1000 * 30);
  });

  it("prefers the queue's own limit, then its source's rhythm in clock time, then the ingest interval", () => {
    const config = parse({
      queues: [queue('own', { staleAfterSeconds: 120 }), queue('polled'), queue('pushed')],
      ingest: { expectedIntervalSeconds: 60 },
    });
    const polled = { queueIds: ['own', 'polled'], expectedIntervalMs: 30_000 };
    expect(resolveStaleLimits(config, [polled], 2)).toEqual(
      new Map([
        ['own', 120_000],
        ['polled', 3 * 30_000 * 2],
        ['pushed', 3 * 60_000],
      ]),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createGatewayMetrics } from './gateway-metrics';
import { MetricEngine } from './metrics/metric-engine';
import { GatewayStats } from './runtime/stats';

describe('the gateway metrics', () => {
  it("count what the engine holds and what its caps made it let go of (issue 16: drops were counted but not shown)", () => {
    const engine = new MetricEngine({ queues: [{ id: 'q', firstResponseTargetSeconds: 60 }], limits: { maxOpenTicketsPerQueue: 3 } });
    for (let i = 0; i < 5; i++) engine.applyEvent({ eventId: `e${i}`, type: 'created', ticketId: `t${i}`, queueId: 'q', at: Date.UTC(2026, 11, 7, 9, i) });
    const text = createGatewayMetrics(new GatewayStats(0), engine, () => 0).registry.render();
    expect(text).toContain('queueboard_engine_evictions 2');
    expect(text).toMatch(/queueboard_engine_retained_items \d+/);
  });
});

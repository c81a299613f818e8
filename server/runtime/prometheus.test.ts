import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './prometheus';

describe('Prometheus registry', () => {
  it('renders counters, gauges and histograms in the text exposition format', () => {
    const registry = new MetricsRegistry();
    const rejected = registry.counter('qb_events_rejected_total', 'Events rejected, by reason.');
    rejected.inc({ reason: 'invalid' }, 3);
    rejected.inc({ reason: 'unknown "queue"' });
    registry.gauge('qb_clients', 'Connected clients by role.', () => [[{ role: 'wall' }, 2]]);
    const latency = registry.histogram('qb_db_write_seconds', 'Database write latency.', [0.001, 0.01]);
    latency.observe(0.0005);
    latency.observe(0.005);
    latency.observe(1);
    expect(registry.render()).toBe(
      [
        '# HELP qb_events_rejected_total Events rejected, by reason.',
        '# TYPE qb_events_rejected_total counter',
        'qb_events_rejected_total{reason="invalid"} 3',
        'qb_events_rejected_total{reason="unknown \\"queue\\""} 1',
        '# HELP qb_clients Connected clients by role.',
        '# TYPE qb_clients gauge',
        'qb_clients{role="wall"} 2',
        '# HELP qb_db_write_seconds Database write latency.',
        '# TYPE qb_db_write_seconds histogram',
        'qb_db_write_seconds_bucket{le="0.001"} 1',
        'qb_db_write_seconds_bucket{le="0.01"} 2',
        'qb_db_write_seconds_bucket{le="+Inf"} 3',
        'qb_db_write_seconds_sum 1.0055',
        'qb_db_write_seconds_count 3',
        '',
      ].join('\n'),
    );
  });

  it('refuses invalid and duplicate names', () => {
    const registry = new MetricsRegistry();
    registry.counter('ok_total', 'x');
    expect(() => registry.counter('ok_total', 'x')).toThrow(/registered twice/);
    expect(() => registry.counter('bad-name', 'x')).toThrow(/Invalid metric name/);
  });
});

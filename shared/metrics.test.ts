import { describe, expect, it } from 'vitest';
import { QueueReadingInputSchema } from './ingest';
import { METRIC_IDS, METRICS, metricValueCheck, MetricValuesSchema, type MetricId } from './metrics';
import { metricValueAllowed } from './protocol/compact-update';

const READ_BY_INGEST: readonly MetricId[] = ['backlog', 'agentsOnline', 'oldestWaitingSeconds', 'slaBreached'];

describe('metric bounds, written once', () => {
  it('an ingest reading, the readable feed and the compact feed take the same values for every metric', () => {
    for (const id of METRIC_IDS) {
      const { max, whole } = METRICS[id].bounds;
      const probes = [0, 1, max, max + 1, -1, 0.5, Number.NaN];
      const schema = MetricValuesSchema.shape[id];
      for (const value of probes) {
        const expected = value >= 0 && value <= max && (!whole || Number.isInteger(value));
        expect(schema.safeParse(value).success, `${id} ${value}`).toBe(expected);
        expect(metricValueCheck(id)(value), `${id} ${value}`).toBe(expected);
        expect(metricValueAllowed(METRIC_IDS.indexOf(id), value), `${id} ${value}`).toBe(expected);
        if (READ_BY_INGEST.includes(id)) {
          expect(QueueReadingInputSchema.safeParse({ at: 1_700_000_000_000, [id]: value }).success, `reading ${id} ${value}`).toBe(expected);
        }
      }
    }
  });

  it('agents online: the ingest limit (100 000) is the feed limit too, not ten million', () => {
    expect(METRICS.agentsOnline.bounds.max).toBe(100_000);
    expect(MetricValuesSchema.shape.agentsOnline.safeParse(100_001).success).toBe(false);
    expect(QueueReadingInputSchema.safeParse({ at: 1_700_000_000_000, agentsOnline: 100_001 }).success).toBe(false);
  });

  it('keeps the wire wording of each bound', () => {
    const message = (id: MetricId, value: number) => MetricValuesSchema.shape[id].safeParse(value).error?.issues[0]?.message;
    expect(message('backlog', -1)).toBe('must be 0 or more');
    expect(message('backlog', 1.5)).toBe('must be a whole number');
    expect(message('oldestWaitingSeconds', 366 * 24 * 3600 + 1)).toBe('must be at most a year, in seconds');
    expect(message('slaAttainment', 100.5)).toBe('must be at most 100');
  });

  it('each metric says which way is worse', () => {
    const lowerIsWorse = METRIC_IDS.filter((id) => METRICS[id].direction === 'lower-is-worse');
    expect(lowerIsWorse).toEqual(['slaAttainment', 'outflowPerHour', 'agentsOnline', 'csat', 'csatRatings', 'slaOutlook']);
  });
});

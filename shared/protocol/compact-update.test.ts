import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COUNT, METRIC_IDS, METRICS, MetricValuesSchema, type MetricId } from '../metrics';
import { CompactUpdateSchema, decodeCompactUpdate, encodeCompactUpdate, layoutId, metricValueAllowed, queueLayout } from './compact-update';
import { HandshakeSchema, QUEUE_STATUSES, UpdateSchema, type Alert, type QueueStatePatch, type Update } from './protocol';
import { parseWith } from './validation';

const QUEUES = ['lis-chat', 'lis-email', 'ams-phone', 'ams-chat'];
const layout = queueLayout(QUEUES);
const T = 1_795_494_398_767;

const health = { status: 'warning', metrics: { backlog: 'warning' }, stale: null, atRisk: { metric: 'backlog', minutes: 12 } } as const;
const alert: Alert = {
  id: 'a-1', queueId: 'lis-chat', kind: 'threshold', metric: 'backlog', level: 'critical', value: 160, threshold: 150,
  projectedMinutes: null, openedAt: T - 5000, resolvedAt: null, resolution: null, acknowledged: null, snoozed: null,
};

const sample: Update = {
  serverTime: T,
  seq: 42,
  changes: [
    { queueId: 'lis-email', metrics: { backlog: 12, oldestWaitingSeconds: 42 }, updatedAt: T - 500 },
    { queueId: 'ams-phone', health, updatedAt: null },
    { queueId: 'not-on-the-board', metrics: { slaAttainment: 97.5, agentsOnline: null } },
  ],
  alerts: [alert],
};

/** What the other end gets after JSON on the wire. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('compact update encoding', () => {
  it('writes queues and metrics as indices, updatedAt as an offset, and the rare parts as objects', () => {
    const compact = encodeCompactUpdate(sample, layout);
    expect(compact).toEqual({
      t: T,
      s: 42,
      l: layout.id,
      c: [
        [1, -500, 0, 12, 1, 42],
        [2, null, { health }],
        ['not-on-the-board', false, 6, 97.5, 9, null],
      ],
      a: [alert],
    });
    expect(decodeCompactUpdate(wire(compact), layout)).toEqual({ ok: true, value: sample });
  });

  it('weighs under a fifth of the readable form for a typical patch', () => {
    const patch = { queueId: 'lis-email', metrics: { backlog: 12, oldestWaitingSeconds: 42 }, updatedAt: T - 500 };
    const readable = JSON.stringify(patch).length;
    const compact = JSON.stringify(encodeCompactUpdate({ serverTime: T, seq: 1, changes: [patch] }, layout).c[0]).length;
    expect([readable, compact]).toEqual([100, 18]);
  });

  it('gives a layout id that changes with the queue list and its order', () => {
    expect(layoutId(QUEUES)).toBe(layoutId([...QUEUES]));
    expect(layoutId(QUEUES)).not.toBe(layoutId([...QUEUES].reverse()));
    expect(layoutId(['ab', 'c'])).not.toBe(layoutId(['a', 'bc']));
    expect(layoutId(QUEUES)).not.toBe(layoutId(QUEUES.slice(1)));
    expect(layoutId([])).toMatch(/^0\./);
    // The README's example, for third parties writing their own decoder.
    expect(layoutId(Array.from({ length: 300 }, (_, i) => `q-${String(i).padStart(3, '0')}`))).toBe('8c.1pzqtz5');
  });

  it('decodes to exactly the update the readable form gives, for any valid update (round trip)', () => {
    fc.assert(
      fc.property(updates, (update) => {
        const readable = wire(update);
        const compact = wire(encodeCompactUpdate(update, layout));
        expect(parseWith(UpdateSchema, readable).ok).toBe(true);
        expect(CompactUpdateSchema.safeParse(compact).success).toBe(true);
        const decoded = decodeCompactUpdate(compact, layout);
        expect(decoded).toEqual({ ok: true, value: readable });
        // The readable form's own validation gives the same.
        expect(decoded.ok && parseWith(UpdateSchema, decoded.value)).toEqual({ ok: true, value: readable });
      }),
      { numRuns: 300 },
    );
  });

  it('checks metric values on the hot path exactly as the readable schema does', () => {
    const anyValue = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(null, undefined, '12', true, [], {}, -0, Infinity, NaN, 100, 100.5, MAX_COUNT + 1, 100_001));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: METRIC_IDS.length - 1 }), anyValue, (index, value) => {
        expect(metricValueAllowed(index, value)).toBe(MetricValuesSchema.shape[METRIC_IDS[index]!].safeParse(value).success);
      }),
      { numRuns: 5000 },
    );
  });

  it('names the field and the rule of a malformed compact update', () => {
    const good = wire(encodeCompactUpdate(sample, layout));
    const bad = (change: (u: Record<string, unknown> & { c: unknown[][] }) => void) => {
      const copy = structuredClone(good) as unknown as Record<string, unknown> & { c: unknown[][] };
      change(copy);
      const result = decodeCompactUpdate(copy, layout);
      return result.ok ? [] : result.issues;
    };
    expect(bad((u) => (u.c[0]![3] = -3))).toEqual(['c[0][3]: backlog: must be 0 or more']);
    expect(bad((u) => (u.c[0]![2] = METRIC_IDS.length))).toEqual([expect.stringMatching(/^c\[0\]\[2\]: metric index: must be a whole number 0–15 \(backlog, /)]);
    expect(bad((u) => (u.c[0]![4] = 0))).toEqual(['c[0][4]: metric index: 0 (backlog) given twice']);
    expect(bad((u) => u.c[0]!.pop())).toEqual(['c[0][4]: metrics: must come in (metric index, value) pairs']);
    expect(bad((u) => (u.c[0]![0] = 1.5))).toEqual([expect.stringMatching(/^c\[0\]\[0\]: queue: must be a whole number 0 or more/)]);
    expect(bad((u) => (u.c[0]![0] = 4))).toEqual(["c[0][0]: queue index 4 is past the snapshot's 4 queues"]);
    expect(bad((u) => (u.c[0]![1] = 'soon'))).toEqual(['c[0][1]: updatedAt offset: must be whole ms, null or false']);
    expect(bad((u) => (u.c[0]![1] = -T - 1))).toEqual(['c[0][1]: updatedAt offset: t + offset must be whole ms, 0 or more']);
    expect(bad((u) => (u.c[1]![2] = { health: { ...health, status: 'fine' } }))).toEqual([expect.stringMatching(/^c\[1\]\[2\]: tail: health\.status: /)]);
    expect(bad((u) => (u.c[1]![2] = { colour: 'red' }))).toEqual([expect.stringMatching(/^c\[1\]\[2\]: tail: \(root\): Unrecognized key: "colour"/)]);
    expect(bad((u) => (u.c = [[0]]))).toEqual([expect.stringMatching(/^c\[0\]\[1\]: a patch is \[queue, updatedAt offset/)]);
    expect(bad((u) => delete u.s)).toEqual(['s: is required (number)']);
    expect(bad((u) => ((u.c = []), delete u.a))).toEqual(['(root): must carry at least one change or alert']);
    expect(bad((u) => (u.a = [{ ...alert, level: 'bad' }]))).toEqual([expect.stringMatching(/^a\[0\]\.level: /)]);
  });

  it('never throws on garbage, and whatever it accepts is a valid readable update', () => {
    const good = wire(encodeCompactUpdate(sample, layout));
    const garbage = fc.oneof(
      fc.anything(),
      fc.record({ t: fc.anything(), s: fc.anything(), l: fc.constant(layout.id), c: fc.anything(), a: fc.anything() }, { requiredKeys: [] }),
      fc.array(fc.oneof(fc.constant(null), fc.array(fc.anything()), fc.anything())).map((c) => ({ ...good, c })),
      fc.tuple(fc.nat(2), fc.nat(8), fc.anything()).map(([row, at, value]) => {
        const copy = structuredClone(good);
        (copy.c[row] as unknown[])[at] = value;
        return copy;
      }),
    );
    fc.assert(
      fc.property(garbage, (data) => {
        const result = decodeCompactUpdate(data, layout);
        if (result.ok) expect(parseWith(UpdateSchema, result.value).ok).toBe(true);
        else expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses to apply indices to another queue list', () => {
    const compact = wire(encodeCompactUpdate(sample, layout));
    const other = queueLayout([...QUEUES].reverse());
    expect(decodeCompactUpdate(compact, other)).toEqual({ ok: false, reason: 'layout', issues: [expect.stringMatching(/^l: layout .* is not the layout of the snapshot held/)] });
  });
});

describe('handshake encoding', () => {
  it('is optional, json or compact, and an unknown one is refused naming the field and the allowed values', () => {
    expect(parseWith(HandshakeSchema, { protocol: 6, client: 'wall' }).ok).toBe(true);
    expect(parseWith(HandshakeSchema, { protocol: 6, client: 'wall', encoding: 'compact' }).ok).toBe(true);
    expect(parseWith(HandshakeSchema, { protocol: 6, client: 'wall', encoding: 'json' }).ok).toBe(true);
    expect(parseWith(HandshakeSchema, { protocol: 6, client: 'wall', encoding: 'cbor' })).toEqual({
      ok: false,
      issues: ['encoding: must be one of "json", "compact" (default "json")'],
    });
  });
});

const metricValue = (id: MetricId) => {
  const { max, whole: wholeOnly } = METRICS[id].bounds;
  const whole = fc.integer({ min: 0, max });
  return fc.oneof(fc.constant(null), wholeOnly ? whole : fc.oneof(whole, fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0)));
};
const metrics = fc
  .uniqueArray(fc.constantFrom(...METRIC_IDS), { maxLength: METRIC_IDS.length })
  .chain((ids) => fc.tuple(...ids.map((id) => metricValue(id).map((v) => [id, v] as const))))
  .map((pairs) => Object.fromEntries(pairs) as Partial<Record<MetricId, number | null>>);
const healthArb = fc.record({
  status: fc.constantFrom(...QUEUE_STATUSES),
  metrics: fc.constantFrom({}, { backlog: 'critical' as const }),
  stale: fc.constantFrom(null, { reason: 'source-down' as const, message: 'Zendesk answered 503', lastStatus: 'ok' as const }),
  atRisk: fc.constantFrom(null, { metric: 'oldestWaitingSeconds' as const, minutes: 3 }),
});
const patch = (serverTime: number) =>
  fc.record(
    {
      queueId: fc.constantFrom(...QUEUES, 'gone-queue'),
      metrics,
      health: healthArb,
      updatedAt: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: serverTime + 10_000 })),
    },
    { requiredKeys: ['queueId'] },
  ) as fc.Arbitrary<QueueStatePatch>;
const updates: fc.Arbitrary<Update> = fc
  .integer({ min: 0, max: 2 * T })
  .chain((serverTime) =>
    fc.record(
      {
        serverTime: fc.constant(serverTime),
        seq: fc.integer({ min: 1, max: 2 ** 40 }),
        changes: fc.array(patch(serverTime), { maxLength: 8 }),
        alerts: fc.array(fc.constant(alert), { maxLength: 2 }),
      },
      { requiredKeys: ['serverTime', 'seq', 'changes'] },
    ),
  )
  .filter((u) => u.changes.length > 0 || (u.alerts?.length ?? 0) > 0);

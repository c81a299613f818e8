import { describe, expect, it } from 'vitest';
import { CHECKPOINT_VERSION, encodeCheckpointInSlices } from './engine-snapshot';
import { ELEMENTS_PER_SLICE, jsonInSlices } from './json-in-slices';
import { MetricEngine } from './metric-engine';

// Issue 16: one queue of a flood (30,000 open tickets) took 70 to 200 ms to copy and encode between two
// yields; the event loop now runs every few thousand tickets, and the text is still JSON.stringify's.
const T0 = Date.UTC(2026, 11, 7, 9);

describe('the checkpoint encoded in slices', () => {
  it('yields while it copies and encodes a large queue, and writes exactly what JSON.stringify writes', () => {
    const engine = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }, { id: 'mail', firstResponseTargetSeconds: 60 }] });
    for (let n = 0; n < 30_000; n++) {
      engine.applyEvent({ eventId: `c${n}`, type: 'created', ticketId: `t${n}-é🚨`, queueId: 'chat', at: T0 + n });
      if (n % 3 === 0) engine.applyEvent({ eventId: `r${n}`, type: 'first-reply', ticketId: `t${n}-é🚨`, at: T0 + n + 5000 });
    }
    const inputAt = new Map([['chat', T0 + 35_000]]);
    const slices = encodeCheckpointInSlices(engine, () => inputAt);
    let yields = 0;
    let step = slices.next();
    for (; !step.done; step = slices.next()) yields++;
    // Before: one yield a queue (2).
    expect(yields).toBeGreaterThanOrEqual(30_000 / 5000 + (4 * 30_000) / ELEMENTS_PER_SLICE);
    expect(step.value).toBe(JSON.stringify({ version: CHECKPOINT_VERSION, engine: engine.snapshot(), lastInputAt: { chat: T0 + 35_000 } }));
  });

  it('matches JSON.stringify on plain data of every shape, an undefined property left out', () => {
    const value = { a: [1, -0, 2.5e-7, null, 'x"y\n'], b: { c: [], d: [[1, 2], { e: true }], f: undefined }, g: '', h: Array.from({ length: 45_000 }, (_, i) => i % 7 === 0 ? null : i) };
    const out: string[] = [];
    const slices = jsonInSlices(value, out);
    while (!slices.next().done);
    expect(out.join('')).toBe(JSON.stringify(value));
  });
});

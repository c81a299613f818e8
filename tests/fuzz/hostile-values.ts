import fc from 'fast-check';

/** A small seeded generator, so every run of one seed tries exactly the same inputs. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(256);
    return out;
  }
}

const deep = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

/**
 * JSON text fragments no field of the protocol accepts as they are: wrong types, numbers JSON cannot
 * hold (`1e999` parses to Infinity), negative and fractional durations, prototype keys, deep nesting.
 */
export const HOSTILE_JSON: readonly string[] = [
  '1e999', '-1e999', '1e308', '-1', '-86400', '0.5', '-0.000001', '9007199254740993', '4102444800001', '946684799999',
  'null', 'true', 'false', '[]', '{}', '""', '"NaN"', '"Infinity"', '"-Infinity"', '"1e999"',
  '"2026-13-45T99:00:00Z"', '"2026-11-24T10:00:00"', '"yesterday"', '"\\u0000"', '"\\ud800"', `"${'x'.repeat(5000)}"`,
  '{"__proto__":{"polluted":true,"role":"manager"}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"prototype":{"polluted":true}}',
  '["__proto__"]', '[1,2,3]', '[{"__proto__":{"polluted":true}}]', '{"$where":"1"}', '{"toString":1,"valueOf":2}',
  deep(3000, '[', ']'), deep(3000, '{"a":', '}'), deep(200, '[{"x":', '}]'),
];

/** Keys added beside valid ones: every object in the protocol is strict. */
export const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'role', 'isAdmin', '', ' ', 'eventId ', 'EVENTID', '\u0000'];

/** Random JSON values from fast-check (seeded): odd numbers, unicode strings, nested objects and arrays. */
export function sampledJson(seed: number, count: number): string[] {
  return fc.sample(fc.json({ maxDepth: 4 }), { seed, numRuns: count });
}

/** Random JS values for socket payloads (what a socket.io client can send): includes -0, Dates, sparse arrays, Buffers. */
export function sampledValues(seed: number, count: number): unknown[] {
  return fc.sample(
    fc.oneof(
      fc.anything({ maxDepth: 3, withBoxedValues: false, withMap: false, withSet: false, withObjectString: true, withNullPrototype: true }),
      fc.constantFrom(...HOSTILE_JSON.map((text) => JSON.parse(text) as unknown)),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    ),
    { seed, numRuns: count },
  );
}

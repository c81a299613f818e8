import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedMap } from './sharded-map';

describe('sharded map', () => {
  it('behaves as a Map for get, set, delete, size and clear', () => {
    const op = fc.record({ kind: fc.constantFrom('set', 'delete', 'get', 'clear'), key: fc.string({ maxLength: 20 }), value: fc.integer() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const sharded = new ShardedMap<number>();
        const plain = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            sharded.set(o.key, o.value);
            plain.set(o.key, o.value);
          } else if (o.kind === 'delete') expect(sharded.delete(o.key)).toBe(plain.delete(o.key));
          else if (o.kind === 'clear' && o.value % 10 === 0) {
            sharded.clear();
            plain.clear();
          }
          expect(sharded.get(o.key)).toBe(plain.get(o.key));
          expect(sharded.size).toBe(plain.size);
        }
      }),
    );
  });
});

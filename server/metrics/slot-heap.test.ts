import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotHeap } from './slot-heap';

interface Item {
  key: number;
  slot: number;
}

const heap = () =>
  new SlotHeap<Item>(
    (item) => item.key,
    (item) => item.slot,
    (item, slot) => (item.slot = slot),
  );

describe('slot heap', () => {
  it('keeps the smallest key on top through pushes, pops and removals from the middle', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), key: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const h = heap();
        const held: Item[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            const item = { key: o.key, slot: -1 };
            h.push(item);
            held.push(item);
          } else if (o.kind === 'pop') {
            const top = h.pop();
            const smallest = Math.min(...held.map((i) => i.key));
            expect(top?.key).toBe(held.length ? smallest : undefined);
            if (top) held.splice(held.indexOf(top), 1);
          } else if (held.length) {
            const item = held.splice(o.pick % held.length, 1)[0]!;
            h.remove(item);
            expect(item.slot).toBe(-1);
            expect(h.has(item)).toBe(false);
          }
          expect(h.size).toBe(held.length);
          expect(h.top()?.key).toBe(held.length ? Math.min(...held.map((i) => i.key)) : undefined);
          for (const item of held) expect(h.has(item)).toBe(true);
        }
      }),
    );
  });

  it('ignores the removal of an item it does not hold, and forgets every slot when cleared', () => {
    const h = heap();
    const a = { key: 1, slot: -1 };
    const b = { key: 2, slot: -1 };
    h.push(a);
    h.remove(b);
    expect(h.size).toBe(1);
    h.push(b);
    h.clear();
    expect([a.slot, b.slot, h.size]).toEqual([-1, -1, 0]);
  });
});

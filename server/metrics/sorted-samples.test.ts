import { describe, expect, it } from 'vitest';
import { SortedSamples } from './sorted-samples';

/** A window of values with adds and drops (oldest first), read now and then, against a plain sort. */
function run(seed: number, steps: number, check: (read: Float64Array, expected: number[]) => void): void {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const samples = new SortedSamples();
  const held: number[] = [];
  const read = () => samples.read(() => held);
  read();
  for (let step = 0; step < steps; step++) {
    const adds = Math.floor(random() * 40);
    for (let i = 0; i < adds; i++) {
      // Whole seconds, so equal values (and dropping one of several) are common.
      const value = Math.floor(random() * 50);
      held.push(value);
      samples.add(value);
    }
    const drops = Math.min(held.length, Math.floor(random() * 40));
    for (let i = 0; i < drops; i++) samples.drop(held.shift()!);
    if (random() < 0.7) check(read(), [...held].sort((a, b) => a - b));
  }
}

describe('sorted samples', () => {
  it('reads the values sorted after any mix of adds and drops, equal values included', () => {
    for (const seed of [1, 7, 42, 1234]) run(seed, 400, (read, expected) => expect([...read]).toEqual(expected));
  });

  it('reuses its buffers from read to read: a beat allocates no new copy of a full window', () => {
    // Each read used to return a fresh Float64Array: 400 KB a window a beat at 50,000 samples, straight into the
    // old generation, setting off major collections inside the beat.
    const samples = new SortedSamples();
    const held = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 600);
    samples.read(() => held);
    const buffers = new Set<ArrayBufferLike>();
    for (let beat = 0; beat < 200; beat++) {
      for (let i = 0; i < 100; i++) {
        samples.drop(held.shift()!);
        const value = (beat * 31 + i * 17) % 600;
        held.push(value);
        samples.add(value);
      }
      const read = samples.read(() => held);
      expect(read.length).toBe(5000);
      buffers.add(read.buffer);
    }
    expect([...samples.read(() => held)]).toEqual([...held].sort((a, b) => a - b));
    // Two buffers taking turns (the merge writes into the one not read last).
    expect(buffers.size).toBe(2);
  });
});

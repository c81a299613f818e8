import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import { InputTimes } from './input-times';

const START = Date.UTC(2026, 10, 24, 10);

describe('InputTimes', () => {
  it('measures age on the monotonic clock and shows the report in wall time that follows a step', () => {
    const time = new FakeTime(START);
    const inputs = new InputTimes(time);
    inputs.touched('chat', START - 5000);
    expect(inputs.monotonicOf('chat')).toBe(START - 5000);
    time.advance(10_000);
    time.stepWall(3_600_000);
    // Still 15 s old, whatever the wall clock says; the shown time moves with the wall clock.
    expect(time.monotonic() - inputs.monotonicOf('chat')!).toBe(15_000);
    expect(inputs.wallOf('chat')).toBe(time.now() - 15_000);
    expect(inputs.latestWall).toBe(time.now() - 15_000);
  });

  it('keeps the newest report, clamps one dated ahead to now, and knows nothing of queues that never reported', () => {
    const time = new FakeTime(START);
    const inputs = new InputTimes(time);
    inputs.touched('chat', Date.UTC(2099, 0, 1));
    expect(inputs.wallOf('chat')).toBe(START);
    time.advance(1000);
    inputs.touched('chat', START - 60_000);
    expect(inputs.wallOf('chat')).toBe(START);
    expect(inputs.wallOf('mail')).toBeNull();
    expect(inputs.monotonicOf('mail')).toBeNull();
  });
});

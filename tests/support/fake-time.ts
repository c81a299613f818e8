import type { Clock, Scheduler } from '../../server/runtime/clock';

/**
 * A clock with repeating (`every`) and one-shot (`after`) timers that moves only when the test says so.
 * Serves the gateway's Scheduler and the Electron desk services' clock alike.
 */
export class FakeTime implements Clock, Scheduler {
  private tasks = new Map<number, { every: number | null; due: number; task: () => void }>();
  private nextId = 1;
  /** How far the wall clock has been stepped away from the monotonic one (stepWall). */
  private wallOffset = 0;

  constructor(private current: number) {}

  now(): number {
    return this.current + this.wallOffset;
  }

  /** Timers run on this one, as Node's do: a wall-clock step moves no timer. */
  monotonic(): number {
    return this.current;
  }

  /** Steps the wall clock alone (an NTP correction, an operator fixing the date); timers and monotonic time stay. */
  stepWall(ms: number): void {
    this.wallOffset += ms;
  }

  every(ms: number, task: () => void): () => void {
    return this.add(ms, ms, task);
  }

  after(ms: number, task: () => void): () => void {
    return this.add(null, ms, task);
  }

  /** Moves time forward, running each timer as often as it falls due, in time order. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const [id, next] = [...this.tasks.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due)[0] ?? [];
      if (id === undefined || !next) break;
      this.current = next.due;
      if (next.every === null) this.tasks.delete(id);
      else next.due += next.every;
      next.task();
    }
    this.current = end;
  }

  get pendingTimers(): number {
    return this.tasks.size;
  }

  private add(every: number | null, ms: number, task: () => void): () => void {
    const id = this.nextId++;
    this.tasks.set(id, { every, due: this.current + ms, task });
    return () => this.tasks.delete(id);
  }
}

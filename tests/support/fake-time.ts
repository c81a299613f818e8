import type { Clock, Scheduler } from '../../server/runtime/clock';

/** A clock and scheduler that move only when the test says so. */
export class FakeTime implements Clock, Scheduler {
  private tasks = new Map<number, { every: number; due: number; task: () => void }>();
  private nextId = 1;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  every(ms: number, task: () => void): () => void {
    const id = this.nextId++;
    this.tasks.set(id, { every: ms, due: this.current + ms, task });
    return () => this.tasks.delete(id);
  }

  /** Moves time forward, running each timer as often as it falls due, in time order. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const next = [...this.tasks.values()].filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.current = next.due;
      next.due += next.every;
      next.task();
    }
    this.current = end;
  }

  get pendingTimers(): number {
    return this.tasks.size;
  }
}

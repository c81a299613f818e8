/** A clock with one-shot timers that moves only when the test says so (electron/main/desk/clock.ts). */
export class FakeClock {
  private timers = new Map<number, { due: number; task: () => void }>();
  private nextId = 1;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  after(ms: number, task: () => void): () => void {
    const id = this.nextId++;
    this.timers.set(id, { due: this.current + ms, task });
    return () => this.timers.delete(id);
  }

  /** Moves time forward, running each timer that falls due, in time order. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const [id, next] = [...this.timers.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due)[0] ?? [];
      if (id === undefined || !next) break;
      this.timers.delete(id);
      this.current = next.due;
      next.task();
    }
    this.current = end;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}

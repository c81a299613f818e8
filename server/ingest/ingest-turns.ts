/**
 * Ingest batches take turns on the event loop, one a turn. Requests whose bodies arrive together finish in
 * the same poll phase of the loop, and each one's checking and applying (a 1,000-event batch: its schema, the
 * engine, the SQLite write, ~15 ms) then ran back to back before any timer: held at saturation, twenty such
 * batches held the loop ~0.5 s at a time, and the evaluation beat, the walls' updates and the heartbeats
 * waited behind them. A batch now waits for its turn (a setImmediate each), so between two batches the loop
 * goes round, timers first.
 *
 * One queue per process, like the event loop it shares out (every gateway in a process takes turns on it).
 */
export class IngestTurns {
  private readonly waiting: Array<{ since: number; go: () => void }> = [];
  private scheduled = false;

  /** Resolves at this caller's turn: its synchronous work from then to its next wait is the turn. */
  turn(): Promise<void> {
    return new Promise((go) => {
      this.waiting.push({ since: performance.now(), go });
      this.schedule();
    });
  }

  /** How long the batch waiting longest has waited, in ms (0 with none waiting): part of the overload check. */
  longestWaitMs(): number {
    return this.waiting.length === 0 ? 0 : performance.now() - this.waiting[0]!.since;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()!.go();
      this.schedule();
    });
  }
}

export const ingestTurns = new IngestTurns();

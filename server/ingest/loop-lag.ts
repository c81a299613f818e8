/** How often the lag is sampled. */
const SAMPLE_MS = 20;
/** Samples the sustained lag is taken over (~200 ms): a lone pause (a GC, a descheduled process) is not a flood. */
const SAMPLES = 10;

/**
 * A sustained event loop lag above this refuses ingest (429, `ingest-overloaded`) until it eases: walls get a
 * message every second and screens count 3 s as cut off, so input must not take the loop past a fraction
 * of that (issue 16: held at saturation the walls went 1.73 s without a message).
 */
export const DEFAULT_MAX_INGEST_LAG_MS = 100;

/**
 * How far behind its timers the event loop runs, sustained: the smallest delay of the last ~200 ms of
 * samples, so it is high only when every turn of the loop is late (a flood of ingest), not after one pause.
 * The timer is unref'd: it never keeps a process alive.
 */
export class LoopLagMeter {
  private readonly delays: number[] = [];
  private last = performance.now();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor() {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  sustainedLagMs(): number {
    return this.delays.length < SAMPLES ? 0 : Math.min(...this.delays);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const now = performance.now();
    this.delays.push(Math.max(0, now - this.last - SAMPLE_MS));
    if (this.delays.length > SAMPLES) this.delays.shift();
    this.last = now;
  }
}

/** Why ingest is refused for now: the loop's sustained lag and the bound it passed. */
export interface IngestOverload {
  lagMs: number;
  maxLagMs: number;
  retryAfter: number;
}

/** The check the ingest API asks before it reads a body: null while the loop keeps up. */
export function overloadCheck(lagMs: () => number, maxLagMs: number): () => IngestOverload | null {
  return () => {
    const lag = lagMs();
    return lag > maxLagMs ? { lagMs: Math.round(lag), maxLagMs, retryAfter: 1 } : null;
  };
}

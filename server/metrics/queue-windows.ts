import type { QueueReadingInput } from '../../shared/ingest';
import type { EngineLimits, MetricWindows, QueueSetup } from './engine-types';
import { SampleWindow } from './sample-window';
import { cutoffOf, type Cutoff } from './window-cutoffs';

/** Everything the engine keeps about one queue, besides the tickets themselves. */
export class QueueWindows {
  readonly openTickets = new Set<string>();
  readonly firstResponse: SampleWindow;
  /** 1 for a first reply within the target, 0 for one past it. */
  readonly withinTarget: SampleWindow;
  readonly resolution: SampleWindow;
  readonly inflow: SampleWindow;
  readonly outflow: SampleWindow;
  backlogReading: number | null = null;
  agentsReading: number | null = null;
  slaBreachedReading: number | null = null;
  oldestWaitingReading: { seconds: number; at: number } | null = null;
  /** The latest reported average handle time, in seconds (the staffing gap reads it). */
  handleTimeReading: number | null = null;
  evictedTickets = 0;
  readonly id: string;
  readonly targetSeconds: number;
  private readonly firstResponseCutoff: Cutoff;
  /** Where `oldestOpenTicket` stopped: every ticket before it has been let go. */
  private evictionCursor: Iterator<string> | null = null;
  private readonly resolutionCutoff: Cutoff;

  constructor(
    setup: QueueSetup,
    private readonly windows: MetricWindows,
    limits: EngineLimits,
  ) {
    this.id = setup.id;
    this.targetSeconds = setup.firstResponseTargetSeconds;
    this.firstResponseCutoff = cutoffOf(setup.windows?.firstResponse, setup.timeZone, windows.firstResponseMs);
    this.resolutionCutoff = cutoffOf(setup.windows?.resolution, setup.timeZone, windows.resolutionMs);
    const window = () => new SampleWindow(limits.maxSamplesPerWindow);
    this.firstResponse = window();
    this.withinTarget = window();
    this.resolution = window();
    this.inflow = window();
    this.outflow = window();
  }

  recordFirstReply(at: number, seconds: number): void {
    this.firstResponse.add(at, seconds);
    this.withinTarget.add(at, seconds <= this.targetSeconds ? 1 : 0);
  }

  /**
   * The ticket admitted longest ago, the one a full queue lets go (the caller deletes it). A cursor kept across
   * calls, not `openTickets.values().next()`: deleting from the front of a Set leaves holes that a fresh
   * iterator walks on every call until the table is rehashed (100,000 open tickets: up to ~160,000 holes a
   * call; a flood spent 47 s of 230 s there). Each ticket the cursor yields is deleted, so its next is the oldest.
   */
  oldestOpenTicket(): string | undefined {
    let next = this.evictionCursor?.next();
    if (!next || next.done) {
      this.evictionCursor = this.openTickets.values();
      next = this.evictionCursor.next();
    }
    return next.done ? undefined : next.value;
  }

  applyReading(reading: QueueReadingInput): void {
    if (reading.backlog !== undefined) this.backlogReading = reading.backlog;
    if (reading.agentsOnline !== undefined) this.agentsReading = reading.agentsOnline;
    if (reading.slaBreached !== undefined) this.slaBreachedReading = reading.slaBreached;
    if (reading.oldestWaitingSeconds !== undefined) this.oldestWaitingReading = { seconds: reading.oldestWaitingSeconds, at: reading.at };
    if (reading.handleTimeSeconds !== undefined) this.handleTimeReading = reading.handleTimeSeconds;
  }

  prune(now: number): void {
    const firstResponse = this.firstResponseCutoff(now);
    this.firstResponse.prune(firstResponse);
    this.withinTarget.prune(firstResponse);
    this.resolution.prune(this.resolutionCutoff(now));
    this.inflow.prune(now - this.windows.flowMs);
    this.outflow.prune(now - this.windows.flowMs);
  }

  samples(): number {
    return this.firstResponse.size + this.withinTarget.size + this.resolution.size + this.inflow.size + this.outflow.size;
  }

  evictedSamples(): number {
    return [this.firstResponse, this.withinTarget, this.resolution, this.inflow, this.outflow].reduce((n, w) => n + w.evicted, 0);
  }

  perHour(window: SampleWindow): number {
    return round1((window.size * 3_600_000) / this.windows.flowMs);
  }
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

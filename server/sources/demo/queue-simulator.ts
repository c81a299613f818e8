import type { MetricValues } from '../../../shared/metrics';
import type { ChannelProfile } from './channel-profiles';
import { contactLoad, type LocalTime } from './day-curve';
import type { Random } from './random';

// Seconds for each metric to close most of the gap to its target: backlog moves fastest, resolution slowest.
const BACKLOG_SETTLE_S = 120;
const FIRST_RESPONSE_SETTLE_S = 300;
const RESOLUTION_SETTLE_S = 1800;
const SURGE_EVERY_S = 3 * 3600;

interface Surge {
  endsAt: number;
  factor: number;
}

/**
 * One queue's simulated metrics: each drifts toward a target set by the local time of day, the queue's
 * standing pressure and any surge, with noise — smooth like a real queue, not white noise.
 */
export class QueueSimulator {
  private backlog: number;
  private firstResponse: number;
  private resolution: number;
  private surge: Surge | null = null;

  constructor(
    private readonly profile: ChannelProfile,
    private readonly pressure: number,
    private readonly random: Random,
    private readonly localTime: (epochMs: number) => LocalTime,
    startAt: number,
  ) {
    const pressureNow = this.pressureAt(startAt);
    this.backlog = this.backlogTarget(startAt, pressureNow);
    this.firstResponse = this.firstResponseTarget(this.backlog);
    this.resolution = profile.resolutionP90 * Math.sqrt(pressureNow);
  }

  step(now: number, dtSeconds: number): MetricValues {
    this.updateSurge(now, dtSeconds);
    const pressure = this.pressureAt(now);
    const target = this.backlogTarget(now, pressure);
    this.backlog = Math.max(
      0,
      this.backlog +
        approach(target - this.backlog, dtSeconds, BACKLOG_SETTLE_S) +
        0.1 * Math.sqrt(Math.max(target, 1) * dtSeconds) * this.random.normal(),
    );
    this.firstResponse = Math.max(
      1,
      this.firstResponse +
        approach(this.firstResponseTarget(this.backlog) - this.firstResponse, dtSeconds, FIRST_RESPONSE_SETTLE_S) +
        0.004 * this.firstResponse * Math.sqrt(dtSeconds) * this.random.normal(),
    );
    this.resolution = Math.max(
      1,
      this.resolution +
        approach(this.profile.resolutionP90 * Math.sqrt(pressure) - this.resolution, dtSeconds, RESOLUTION_SETTLE_S) +
        0.002 * this.resolution * Math.sqrt(dtSeconds) * this.random.normal(),
    );
    return {
      backlog: Math.round(this.backlog),
      firstResponseP90: Math.round(this.firstResponse),
      resolutionP90: Math.round(this.resolution),
    };
  }

  private pressureAt(now: number): number {
    const surge = this.surge && now < this.surge.endsAt ? this.surge.factor : 1;
    return this.pressure * surge;
  }

  private backlogTarget(now: number, pressure: number): number {
    const load = contactLoad(this.localTime(now));
    return this.profile.backlog * (0.35 + 0.65 * load) * pressure;
  }

  private firstResponseTarget(backlog: number): number {
    const relative = Math.max(backlog / this.profile.backlog, 0.3);
    return this.profile.firstResponseP90 * relative ** 0.8;
  }

  private updateSurge(now: number, dtSeconds: number): void {
    if (this.surge && now >= this.surge.endsAt) this.surge = null;
    if (this.surge || this.random.next() >= dtSeconds / SURGE_EVERY_S) return;
    const minutes = 10 + 15 * this.random.next();
    this.surge = { endsAt: now + minutes * 60_000, factor: 1.6 + 0.8 * this.random.next() };
  }
}

/** The share of a gap closed in dt seconds when most of it closes in `settleSeconds`. */
function approach(gap: number, dtSeconds: number, settleSeconds: number): number {
  return gap * (1 - Math.exp((-3 * dtSeconds) / settleSeconds));
}

// One configuration of the saturation benchmark (one gateway, three, or their bare floors): screens added in
// steps (bench/support/scale-steps.ts) until the p99 send→receive passes the limit, each step measured over
// a window once every screen holds its snapshot and the servers have settled.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { sleep } from './benchmark';
import { ScreenFleet } from './scale-fleet';
import { bucketPercentile, deliveriesIn } from './scale-latency';
import type { ScaleServer } from './scale-servers';
import { kneeOf, nextScreens, type Knee, type StepPlan } from './scale-steps';

export interface SearchTiming {
  /** After every screen of a step is live, before its window. */
  settleMs: number;
  windowMs: number;
  /** No step starts after this long: the knee is then reported as at least what held. */
  budgetMs: number;
  /** For the screens of a step to be live: this, plus `connectMsPerScreen` per screen added. */
  connectMs: number;
  connectMsPerScreen: number;
  perProcess: number;
}

export interface StepMeasure {
  screens: number;
  held: boolean;
  /** Why the step did not hold, in words. */
  why: string | null;
  p50: number;
  p99: number;
  /** Updates received per second from each server's screens. */
  deliveriesPerSecond: number[];
  /** CPU cores each server used over the window (its user + system time, getrusage: the same as /proc/PID/stat). */
  cores: number[];
  /** The share of the whole machine's CPU time (every core, /proc/stat) that was busy over the window, 0 to 1; NaN where unknown. */
  machineBusy: number;
  bytesPerDelivery: number;
  loopDelayP99Ms: number;
  /** Over the window's updates, the median wall and CPU time of a server's fan-out of one (the servers' bursts together). */
  serverBurst: { wallMs: number; cpuMs: number };
  /** Over the window's updates, the median of when the first screen got each one and of when the last did (ms after its send time). */
  burst: { first: number; last: number };
  /** From opening the step's new screens to every screen holding a snapshot. */
  connectSeconds: number;
}

export interface SearchResult {
  label: string;
  knee: Knee;
  /** The step that held the most screens: the figures at the knee. */
  atKnee: StepMeasure | null;
  steps: StepMeasure[];
  /** found: the limit was passed; max: the most screens held; budget: time ran out; server: a server process ended. */
  stoppedBy: 'found' | 'max' | 'budget' | 'server';
}

/** A part of the search (bench/support/scale-options.ts): fixed steps instead of the plan's, CPU profiles of the windows. */
export interface SearchPart {
  fixedSteps?: readonly number[] | null;
  /** Each server profiles its CPU over each step's window into this folder. */
  profileDir?: string | null;
}

export async function searchKnee(label: string, servers: readonly ScaleServer[], plan: StepPlan, timing: SearchTiming, limitMs: number, log: (line: string) => void, part: SearchPart = {}): Promise<SearchResult> {
  const fleet = new ScreenFleet(servers.map((s) => s.url), timing.perProcess);
  const started = Date.now();
  const steps: StepMeasure[] = [];
  let stoppedBy: SearchResult['stoppedBy'] = 'found';
  const next = () => (part.fixedSteps ? (part.fixedSteps[steps.length] ?? null) : nextScreens(plan, steps));
  try {
    for (;;) {
      const screens = next();
      if (screens === null) break;
      if (!part.fixedSteps && Date.now() - started > timing.budgetMs) {
        stoppedBy = 'budget';
        break;
      }
      const profile = part.profileDir ? `${part.profileDir}/${label.replace(/\W+/g, '-')}-${screens}` : null;
      let measure = await step(fleet, servers, screens, timing, limitMs, profile).catch((error: unknown) => {
        if (serverEnded(servers)) return failed(screens, servers.length, 'not measured');
        throw error;
      });
      const ended = serverEnded(servers);
      if (ended) measure = { ...measure, held: false, why: ended };
      steps.push(measure);
      log(`${label}: ${describe(measure)}`);
      if (ended) {
        stoppedBy = 'server';
        break;
      }
    }
  } finally {
    await fleet.stop();
  }
  const knee = kneeOf(steps);
  if (stoppedBy === 'found' && knee.failedAt === null) stoppedBy = 'max';
  const atKnee = steps.find((s) => s.held && s.screens === knee.held) ?? null;
  return { label, knee, atKnee, steps, stoppedBy };
}

async function step(fleet: ScreenFleet, servers: readonly ScaleServer[], screens: number, timing: SearchTiming, limitMs: number, profile: string | null): Promise<StepMeasure> {
  const added = Math.max(0, screens - fleet.screens);
  const opening = Date.now();
  await fleet.resize(screens);
  const waitMs = timing.connectMs + added * timing.connectMsPerScreen;
  if (!(await fleet.waitLive(screens, waitMs))) {
    const { live, liveByServer } = await fleet.stats(false);
    const spread = servers.length > 1 ? ` (${liveByServer.join(' / ')} by server)` : '';
    return failed(screens, servers.length, `only ${live} of ${screens} screens held a snapshot within ${(waitMs / 1000).toFixed(0)} s${spread}`);
  }
  const connectSeconds = (Date.now() - opening) / 1000;
  await sleep(timing.settleMs);
  await fleet.stats(true);
  if (profile) await Promise.all(servers.map((s) => s.profile('start')));
  const before = await Promise.all(servers.map((s) => s.usage()));
  const machineBefore = machineTimes();
  await sleep(timing.windowMs);
  const machineAfter = machineTimes();
  const after = await Promise.all(servers.map((s) => s.usage()));
  if (profile) await Promise.all(servers.map((s, i) => s.profile('stop', `${profile}-server${i + 1}.cpuprofile`)));
  const stats = await fleet.stats(false);
  const seconds = (after[0]!.at - before[0]!.at) / 1000;
  const p99 = bucketPercentile(stats.latency, 0.99);
  const delivered = deliveriesIn(stats.latency);
  const why =
    delivered === 0 ? 'no update reached a screen'
    : stats.drops > 0 ? `${stats.drops} screens lost their connection: ${Object.entries(stats.dropReasons).map(([reason, n]) => `${n} ${reason}`).join(', ')}`
    : stats.live < screens ? `${screens - stats.live} screens were not live at the end`
    : p99 > limitMs ? `p99 ${p99} ms > ${limitMs} ms`
    : null;
  return {
    screens,
    held: why === null,
    why,
    p50: bucketPercentile(stats.latency, 0.5),
    p99,
    deliveriesPerSecond: stats.deliveries.map((d) => d / seconds),
    cores: after.map((a, i) => (a.cpuMicros - before[i]!.cpuMicros) / 1e6 / ((a.at - before[i]!.at) / 1000)),
    machineBusy: busyShare(machineBefore, machineAfter),
    bytesPerDelivery: delivered > 0 ? stats.bytes / delivered : 0,
    loopDelayP99Ms: stats.loopDelayP99Ms,
    serverBurst: { wallMs: median(after.flatMap((a) => a.bursts.map((b) => b.wallMs))), cpuMs: median(after.flatMap((a) => a.bursts.map((b) => b.cpuMs))) },
    burst: { first: median(stats.bursts.map(([, b]) => b[0])), last: median(stats.bursts.map(([, b]) => b[1])) },
    connectSeconds,
  };
}

/** The machine's CPU times since boot (/proc/stat's first line: user, nice, system, idle, iowait, …), or null off Linux. */
function machineTimes(): number[] | null {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return null;
  }
}

/**
 * Busy ÷ all between two readings: the servers' own CPU share says little on a machine the screens share, where a
 * server's burst of writes waits for a core whenever the machine is busy (its wall time then far above its CPU time).
 */
export function busyShare(before: number[] | null, after: number[] | null): number {
  if (!before || !after) return Number.NaN;
  const delta = after.map((v, i) => v - (before[i] ?? 0));
  const total = delta.reduce((a, b) => a + b, 0);
  const idle = (delta[3] ?? 0) + (delta[4] ?? 0);
  return total > 0 ? (total - idle) / total : Number.NaN;
}

/** Which server process ended during the step, in words; null while all run. */
function serverEnded(servers: readonly ScaleServer[]): string | null {
  const ended = servers.map((s, i) => [i, s.ended()] as const).filter(([, how]) => how !== null);
  return ended.length === 0 ? null : ended.map(([i, how]) => `server ${i + 1} ended (${how}; its log is above)`).join(', ');
}

function failed(screens: number, serverCount: number, why: string): StepMeasure {
  const none = new Array<number>(serverCount).fill(Number.NaN);
  return { screens, held: false, why, p50: Number.NaN, p99: Number.NaN, deliveriesPerSecond: none, cores: none, machineBusy: Number.NaN, bytesPerDelivery: Number.NaN, loopDelayP99Ms: Number.NaN, serverBurst: { wallMs: Number.NaN, cpuMs: Number.NaN }, burst: { first: Number.NaN, last: Number.NaN }, connectSeconds: Number.NaN };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const whole = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-GB') : '–');

function describe(m: StepMeasure): string {
  const figures = Number.isFinite(m.p99)
    ? `p50 ${m.p50} ms, p99 ${m.p99} ms, deliveries/s per server ${m.deliveriesPerSecond.map(whole).join(' / ')}, ` +
      `CPU ${m.cores.map((c) => `${Math.round(c * 100)} %`).join(' / ')} (machine ${Math.round(m.machineBusy * 100)} % busy of ${cpus().length} cores), ${whole(m.bytesPerDelivery)} B a delivery, screens' loop delay p99 ${whole(m.loopDelayP99Ms)} ms, ` +
      `a server's fan-out of one ${whole(m.serverBurst.wallMs)} ms (${whole(m.serverBurst.cpuMs)} ms of CPU), ` +
      `an update's first and last delivery ${whole(m.burst.first)} and ${whole(m.burst.last)} ms after its send time (median of updates)`
    : 'not measured';
  const connected = Number.isFinite(m.connectSeconds) ? ` (all live ${m.connectSeconds.toFixed(1)} s after opening)` : '';
  return `${whole(m.screens)} screens${connected}: ${figures}: ${m.held ? 'held' : `NOT held (${m.why})`}`;
}

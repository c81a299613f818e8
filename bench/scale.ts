import { join } from 'node:path';
import { byMode, sleep, type Benchmark, type BenchContext, type BenchMode } from './support/benchmark';
import { recordTraffic, type Recording } from './support/recording';
import { temporaryFolder, withCleanup } from './support/scale-processes';
import { parseScaleOptions, SCALE_CONFIGS, type ScaleConfig } from './support/scale-options';
import { searchKnee, type SearchResult, type SearchTiming } from './support/scale-search';
import { startScaleRedis, startScaleServer, type ScaleServer } from './support/scale-servers';
import { validatePlan, type StepPlan } from './support/scale-steps';
import type { Row } from './support/table';

/** The p99 send→receive past which a step no longer holds its screens. */
const LIMIT_MS = 100;
const QUEUES = 300;
/** Steps and timings by mode; `perProcess` screens a process, few enough that its own delay stays small (it is printed). */
const PLANS: Record<BenchMode, { plan: StepPlan; timing: SearchTiming; clusterBudgetMs: number; recorded: number }> = {
  // About 6 minutes in all (a step begun within its budget is finished): a cluster's screens connect more slowly,
  // as a standby asks the evaluating gateway for each one's board, and it holds more, so it gets twice the time.
  full: {
    plan: { first: 1000, growth: 1.8, max: 20_000, refinements: 2, resolution: 0.05 },
    timing: { settleMs: 2000, windowMs: 5000, budgetMs: 50_000, connectMs: 15_000, connectMsPerScreen: 6, perProcess: 1000 },
    clusterBudgetMs: 100_000,
    recorded: 5,
  },
  // Under 90 s: the same two small steps in each configuration, to see the harness work end to end.
  quick: {
    plan: { first: 200, growth: 2, max: 400, refinements: 0, resolution: 0.1 },
    timing: { settleMs: 1000, windowMs: 2000, budgetMs: 15_000, connectMs: 6000, connectMsPerScreen: 3, perProcess: 500 },
    clusterBudgetMs: 15_000,
    recorded: 3,
  },
  smoke: {
    plan: { first: 10, growth: 2, max: 40, refinements: 0, resolution: 0.1 },
    timing: { settleMs: 300, windowMs: 1000, budgetMs: 3000, connectMs: 10_000, connectMsPerScreen: 3, perProcess: 25 },
    clusterBudgetMs: 3000,
    recorded: 2,
  },
};

export const scale: Benchmark = {
  name: 'scale',
  title: `saturation: ${QUEUES} queues at 1 Hz, screens added until the p99 send→receive passes ${LIMIT_MS} ms (at most 20,000), one gateway then three on one Redis, against bare socket.io alone and three on the same Redis and adapter`,
  run: (context) => withCleanup(() => measureAll(context)),
};

async function measureAll(context: BenchContext): Promise<Row[]> {
  const { plan, timing, clusterBudgetMs, recorded } = byMode(context.mode, PLANS);
  validatePlan(plan);
  const options = parseScaleOptions(process.argv.slice(2));
  const part = { fixedSteps: options.steps, profileDir: options.profileDir };
  if (options.steps || options.rounds > 1 || options.configs.length < 4) {
    const steps = options.steps ? `, steps ${options.steps.join(', ')}` : '';
    context.log(`part of the benchmark: ${options.configs.join(', ')}${steps}, ${options.rounds} round(s) (a row for each search, no goals: they compare one full run's configurations)`);
  }
  const replay = join(temporaryFolder('qb-scale-'), 'recording.json');
  let windowed = timing;
  const search = async (label: string, servers: ScaleServer[]) => {
    const budgetMs = servers.length > 1 ? clusterBudgetMs : timing.budgetMs;
    return searchKnee(label, servers, capped(plan, servers, context), { ...windowed, budgetMs }, LIMIT_MS, context.log, part);
  };
  const wanted = (config: ScaleConfig) => options.configs.includes(config);
  const results: Partial<Record<ScaleConfig, SearchResult[]>> = {};
  const add = (config: ScaleConfig, result: SearchResult) => (results[config] ??= []).push(result);
  // Whatever happens below, withCleanup ends every process started and removes the folders.
  const one = await startScaleServer({ kind: 'gateway', queues: QUEUES });
  // What the floors replay: the updates as a wall receives them (compact) and the rate they came at.
  const recording: Recording = await recordTraffic(one.url, recorded, replay, 30_000, 2, 'compact');
  context.log(`recorded ${recording.updates.length} compact updates from the gateway, one every ${recording.intervalMs} ms`);
  // A whole number of update intervals: every screen then counts the same number of updates in a window.
  windowed = { ...timing, windowMs: Math.max(1, Math.round(timing.windowMs / recording.intervalMs)) * recording.intervalMs };
  // Rounds take the two in turn, each on a server of its own, so that a machine busy for a while weighs on both.
  for (let round = 1; round <= options.rounds; round++) {
    const suffix = options.rounds > 1 ? ` (round ${round})` : '';
    const gateway = round === 1 ? one : wanted('gateway') ? await startScaleServer({ kind: 'gateway', queues: QUEUES }) : null;
    if (gateway && wanted('gateway')) add('gateway', await search(`1 gateway${suffix}`, [gateway]));
    await gateway?.stop();
    if (wanted('bare')) {
      const bare = await startScaleServer({ kind: 'bare', replay, intervalMs: recording.intervalMs });
      add('bare', await search(`bare socket.io${suffix}`, [bare]));
      await bare.stop();
    }
  }
  if (!wanted('cluster') && !wanted('bare-cluster')) return rows(results);
  const redis = await startScaleRedis();
  if (wanted('cluster')) {
    const three = await Promise.all([0, 1, 2].map(() => startScaleServer({ kind: 'gateway', queues: QUEUES, redis: redis.url })));
    await oneEvaluating(three);
    add('cluster', await search('3 gateways', three));
    await Promise.all(three.map((s) => s.stop()));
  }
  if (wanted('bare-cluster')) {
    // One member sends, as one gateway evaluates; the other two deliver what reaches them over Redis.
    const bares = await Promise.all([1, 0, 0].map((emit) => startScaleServer({ kind: 'bare', replay, intervalMs: recording.intervalMs, redis: redis.url, emit })));
    add('bare-cluster', await search('3 bare socket.io', bares));
    await Promise.all(bares.map((s) => s.stop()));
  }
  await redis.stop();
  return rows(results);
}

/** The plan, with its maximum lowered to what the servers' open-file limits let them hold (said when it is). */
function capped(plan: StepPlan, servers: readonly ScaleServer[], context: BenchContext): StepPlan {
  const files = Math.min(...servers.map((s) => s.openFiles ?? Number.POSITIVE_INFINITY));
  const max = Math.min(plan.max, Math.floor((files - 200) * servers.length));
  if (max < plan.max) context.log(`the servers may open ${files} files each: at most ${max} screens (raise ulimit -Hn for ${plan.max})`);
  return { ...plan, max: Math.max(max, plan.first) };
}

async function oneEvaluating(gateways: readonly ScaleServer[], timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const flags = await Promise.all(gateways.map((g) => g.evaluating()));
    if (flags.filter(Boolean).length === 1) return;
    if (Date.now() > deadline) throw new Error(`expected one of the three gateways to evaluate within ${timeoutMs} ms; ${flags.filter(Boolean).length} do`);
    await sleep(200);
  }
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const perServer = (result: SearchResult) => (result.atKnee ? mean(result.atKnee.deliveriesPerSecond) : Number.NaN);

/** How the search ended, in words: where the limit was passed, or why no knee was found. */
function kneeNote(result: SearchResult): string {
  const at = result.atKnee ? `p99 ${result.atKnee.p99} ms, CPU ${result.atKnee.cores.map((c) => `${Math.round(c * 100)}%`).join('/')}, machine ${Math.round(result.atKnee.machineBusy * 100)}% busy` : 'no step held';
  if (result.stoppedBy === 'max') return `${at}; the most tried: at least this many`;
  const failed = `${result.knee.failedAt?.toLocaleString('en-GB')} did not hold`;
  if (result.stoppedBy === 'budget') return result.knee.failedAt === null ? `${at}; time budget ended: at least this many` : `${at}; ${failed} (time budget ended the search)`;
  if (result.stoppedBy === 'server') return `${at}; then ${result.steps.at(-1)?.why}`;
  return `${at}; ${failed}`;
}

function rows(results: Partial<Record<ScaleConfig, SearchResult[]>>): Row[] {
  const [gateway, bare, gateways, bareThree] = SCALE_CONFIGS.map((config) => results[config]?.[0]);
  if (!gateway || !bare || !gateways || !bareThree || (results.gateway?.length ?? 0) > 1) return partRows(results);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return [
    { bench: 'scale', figure: `screens held, 1 gateway (p99 ≤ ${LIMIT_MS} ms)`, value: gateway.knee.held, unit: 'screens', floor: bare.knee.held, goal: { min: bare.knee.held / 1.5 }, note: kneeNote(gateway) },
    { bench: 'scale', figure: '… deliveries/s per gateway at the knee', value: perServer(gateway), unit: '/s', floor: perServer(bare), goal: { min: perServer(bare) / 1.5 }, note: `floor: ${kneeNote(bare)}` },
    { bench: 'scale', figure: `screens held, 3 gateways on Redis`, value: gateways.knee.held, unit: 'screens', floor: bareThree.knee.held, goal: { min: bareThree.knee.held / 1.5 }, note: kneeNote(gateways) },
    { bench: 'scale', figure: '… deliveries/s per gateway at the knee', value: perServer(gateways), unit: '/s', floor: perServer(bareThree), goal: { min: perServer(bareThree) / 1.5 }, note: `floor: ${kneeNote(bareThree)}` },
    {
      bench: 'scale',
      figure: '3 gateways ÷ 1 gateway, screens held',
      value: ratio(gateways.knee.held, gateway.knee.held),
      unit: '×',
      floor: ratio(bareThree.knee.held, bare.knee.held),
      goal: { min: 2.5 },
      note: 'floor: three bare servers ÷ one',
    },
  ];
}

/** A part run (--scale-config, --scale-steps): each configuration's own figures, no goals (a goal compares configurations of one full run). */
function partRows(results: Partial<Record<ScaleConfig, SearchResult[]>>): Row[] {
  return Object.values(results).flat().map((result) => ({
    bench: 'scale',
    figure: `screens held, ${result.label} (p99 ≤ ${LIMIT_MS} ms)`,
    value: result.knee.held,
    unit: 'screens',
    floor: null,
    goal: null,
    note: kneeNote(result),
  }));
}

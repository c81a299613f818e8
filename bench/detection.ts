// `npm run bench -- --only=detection`: the volume rule against generated weeks, with and without injected doublings,
// and the size the quarter-hour history reaches. In process: no gateway, no browser.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoConfig } from '../server/config/demo-config';
import { silentLogger } from '../server/runtime/logger';
import { openStore } from '../server/store';
import { QUARTER_MS, QUARTER_RETENTION_MS, QUARTERS_PER_QUEUE, type QuarterRow } from '../server/store/quarter-history';
import { doublings, replay, WEEK } from './detection-replay';
import { byMode, type Benchmark } from './support/benchmark';
import { percentile, type Row } from './support/table';

// Monday 2026-09-07 00:00 UTC: the weeks cross no clock change in Lisbon or Amsterdam until late October.
const START = Date.UTC(2026, 8, 7);
const BENCH = 'detection';
/** The demo's busy channels (a few hundred an hour at peak); social queues bring about 90. */
const BUSY_CHANNELS: ReadonlySet<string> = new Set(['email', 'chat', 'phone']);

export const detection: Benchmark = {
  name: BENCH,
  title: 'volume rule: detection delay of a doubling, false alarms, baseline coverage, quarter-history size',
  async run({ mode, log }) {
    const weeks = byMode(mode, { full: 8, quick: 4, smoke: 2 });
    log(`replaying ${weeks} weeks of every demo queue a minute at a time, without and with injected doublings`);
    const quiet = replay(START, weeks, []);
    const queueIds = [...quiet.alarms.keys()];
    const spikes = doublings(queueIds, START, weeks, 1);
    const spiky = replay(START, weeks, spikes);
    const alarmsPerQueueWeek = [...quiet.alarms.values()].map((n) => n / quiet.scoredWeeks);
    const channelOf = new Map(demoConfig().queues.map((q) => [q.id, q.channel]));
    const busy = spiky.delays.filter((d) => BUSY_CHANNELS.has(channelOf.get(d.queueId)!));
    const social = spiky.delays.filter((d) => !BUSY_CHANNELS.has(channelOf.get(d.queueId)!));
    const found = (list: typeof spiky.delays) => list.flatMap((d) => (d.minutes === null ? [] : [d.minutes]));
    const within10 = (list: typeof spiky.delays) => (100 * list.filter((d) => d.minutes !== null && d.minutes <= 10).length) / Math.max(1, list.length);
    log(`${spiky.delays.length} doublings scored, ${found(spiky.delays).length} detected within the hour; false alarms by queue: ${[...quiet.alarms].map(([q, n]) => `${q} ${n}`).join(', ')}`);
    const size = storeSize(quiet.rows, quiet.queues);
    log(`quarter history: ${size.rows} rows after ${weeks} weeks (bound ${size.bound}), ${(size.bytes / 2 ** 20).toFixed(1)} MiB`);
    const rows: Row[] = [
      { bench: BENCH, figure: 'doubling: detection delay, median, mail/chat/phone', value: percentile(found(busy), 0.5), unit: 'min', floor: null, goal: { max: 10 }, note: `${busy.length} injected, weekdays 9-17 local, 1 h at 2x` },
      { bench: BENCH, figure: 'doubling: detection delay, p90, mail/chat/phone', value: percentile(found(busy), 0.9), unit: 'min', floor: null, goal: null },
      { bench: BENCH, figure: 'doublings detected within 10 min, mail/chat/phone', value: within10(busy), unit: '%', floor: null, goal: null },
      { bench: BENCH, figure: 'doubling: detection delay, median, social', value: percentile(found(social), 0.5), unit: 'min', floor: null, goal: { max: 10 }, note: `${social.length} injected; ~90/h queues` },
      { bench: BENCH, figure: 'doublings detected within the hour, all', value: (100 * found(spiky.delays).length) / Math.max(1, spiky.delays.length), unit: '%', floor: null, goal: null },
      { bench: BENCH, figure: 'false alarms per queue per week, mean', value: mean(alarmsPerQueueWeek), unit: '/queue/wk', floor: null, goal: { max: 1 }, note: 'no spikes injected' },
      { bench: BENCH, figure: 'false alarms per queue per week, worst queue', value: Math.max(...alarmsPerQueueWeek), unit: '/queue/wk', floor: null, goal: { max: 1 } },
      { bench: BENCH, figure: 'baseline coverage (80 % range), low side', value: (100 * quiet.inside) / Math.max(1, quiet.slots), unit: '%', floor: null, goal: { min: 75 }, note: `${quiet.slots} quarter hours` },
      { bench: BENCH, figure: 'baseline coverage (80 % range), high side', value: (100 * quiet.inside) / Math.max(1, quiet.slots), unit: '%', floor: null, goal: { max: 85 } },
      { bench: BENCH, figure: `quarter history rows after ${weeks} weeks`, value: size.rows, unit: 'rows', floor: null, goal: { max: size.bound }, note: `${quiet.queues} queues x 96 x 57 days at most` },
      { bench: BENCH, figure: `quarter history on disk after ${weeks} weeks`, value: size.bytes / 2 ** 20, unit: 'MiB', floor: null, goal: null, note: `${Math.round(size.bytes / Math.max(1, size.rows))} B/row` },
      { bench: BENCH, figure: 'quarter history rows after 10 weeks (pruned)', value: size.rowsAfterTenWeeks, unit: 'rows', floor: null, goal: { max: size.bound } },
    ];
    return rows;
  },
};

/**
 * Writes the replayed quarter hours into a real store as the loop would (a slot of every queue at a time, pruned
 * past eight weeks), then two more weeks of the same to show the bound holds; the file's growth is the table's.
 */
function storeSize(rows: readonly QuarterRow[], queues: number): { rows: number; bytes: number; bound: number; rowsAfterTenWeeks: number } {
  const dataDir = mkdtempSync(join(tmpdir(), 'qb-detection-'));
  try {
    const clock = { now: () => START };
    const empty = openStore({ dataDir, clock, logger: silentLogger });
    empty.close();
    const emptyBytes = statSync(join(dataDir, 'queueboard.sqlite')).size;
    let store = openStore({ dataDir, clock, logger: silentLogger });
    const bySlot = new Map<number, QuarterRow[]>();
    for (const row of rows) bySlot.set(row.slot, [...(bySlot.get(row.slot) ?? []), row]);
    const write = (slotRows: readonly QuarterRow[], slot: number) => {
      store.quarters.record(slotRows);
      store.quarters.prune(slot + QUARTER_MS - QUARTER_RETENTION_MS);
    };
    for (const [slot, slotRows] of bySlot) write(slotRows, slot);
    const count = store.quarters.size();
    store.close();
    const bytes = statSync(join(dataDir, 'queueboard.sqlite')).size - emptyBytes;
    store = openStore({ dataDir, clock, logger: silentLogger });
    const last = Math.max(...bySlot.keys());
    for (let slot = last + QUARTER_MS; slot <= last + 2 * WEEK; slot += QUARTER_MS) {
      write([...bySlot.values()][0]!.map((r) => ({ ...r, slot })), slot);
    }
    const rowsAfterTenWeeks = store.quarters.size();
    store.close();
    return { rows: count, bytes, bound: queues * QUARTERS_PER_QUEUE, rowsAfterTenWeeks };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

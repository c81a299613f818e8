import { z } from 'zod';
import { METRIC_IDS, metricValueCheck, MetricValuesSchema, type MetricId } from '../metrics';
import { SlugSchema } from '../model';
import { AlertSchema, QueueHealthSchema, type QueueStatePatch, type Update } from './protocol';
import { StaffingOutlookSchema } from './staffing-outlook';
import { UsualInflowSchema } from './usual-inflow';
import type { ServerToClientEvents } from './socket-events';
import { describeIssues } from './validation';

/**
 * The compact form of `update`, for screens that ask for it in the handshake (`encoding: 'compact'`).
 * A wall with 300 queues each reporting every second gets ~24 KB/s of readable JSON, mostly property
 * names and queue ids repeated 300 times; this form sends each patch as an array instead:
 *
 *   { t: serverTime, s: seq, l: layout, c: [[queue, updatedAt − t, metric, value, metric, value, …, tail?], …], a?: alerts }
 *
 * - `queue`: the queue's index in the `queues` array of the snapshot the screen holds (or, for a queue
 *   that is not in it, its id as a string);
 * - `updatedAt − t`: whole ms (usually negative); `null` for `updatedAt: null`; `false` when absent;
 * - `metric`: the index in METRIC_IDS (`backlog` 0 … `agentsOnline` 9, `slaBreached` 10, `csat` 11, `csatRatings` 12, `staffingGap` 13, `slaOutlook` 14, `inflowVsUsual` 15); `value` a number or null;
 * - `tail`: an optional last object for the rare parts, as in the readable patch (`health`, `staffing`, `usual`; and
 *   `metrics: {}` for an empty metrics object, so decoding gives back exactly what was encoded);
 * - `l`: the layout id of the queue list the indices refer to (`queueLayout`); a screen holding a
 *   snapshot with another layout must not apply the update and asks for a fresh snapshot instead.
 * - `a`: alerts exactly as in the readable form.
 */

/** The queue list an encoder or decoder refers to by index, and its id. */
export interface QueueLayout {
  readonly id: string;
  readonly queueIds: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Built once per snapshot (screen) or per queue list (gateway), never per update. */
export function queueLayout(queueIds: readonly string[]): QueueLayout {
  return { id: layoutId(queueIds), queueIds, indexOf: new Map(queueIds.map((id, index) => [id, index])) };
}

/** FNV-1a (32 bit) of the ids in order, base 36: a short id that changes when the list or its order does. */
export function layoutId(queueIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const id of queueIds) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x0a, 0x01000193); // a separator, so ["ab","c"] and ["a","bc"] differ
  }
  return `${queueIds.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}

const METRIC_INDEX: ReadonlyMap<string, number> = new Map(METRIC_IDS.map((id, index) => [id, index]));
const epochMs = z.number().int().nonnegative();

/** The rare parts of a patch, as objects. */
const CompactTailSchema = z
  .object({
    health: QueueHealthSchema.optional(),
    usual: UsualInflowSchema.nullable().optional(),
    metrics: z.object({}).strict().optional(),
    staffing: StaffingOutlookSchema.nullable().optional(),
  })
  .strict();
type CompactTail = z.infer<typeof CompactTailSchema>;

export type CompactPatch = [queue: number | string, updatedAtOffset: number | null | false, ...rest: Array<number | null | CompactTail>];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const METRIC_VALUE_SCHEMAS = METRIC_IDS.map((id) => MetricValuesSchema.shape[id]);
/** The metric rules of shared/metrics.ts as plain comparisons; zod is asked only for the message of a value that fails. */
const METRIC_VALUE_OK = METRIC_IDS.map(metricValueCheck);
export const metricValueAllowed = (metricIndex: number, value: unknown): boolean => METRIC_VALUE_OK[metricIndex]!(value);

/** Checks one patch row; issues are added at the row's own path (e.g. `c[3][4]`). */
function checkRow(row: unknown[], ctx: z.RefinementCtx): void {
  const issue = (at: number, message: string) => ctx.addIssue({ code: 'custom', message, path: [at], input: row[at] });
  if (row.length < 2) return issue(row.length, 'a patch is [queue, updatedAt offset, (metric, value)…, tail?]: at least 2 items');
  const queue = row[0];
  if (typeof queue === 'string') {
    if (!SlugSchema.safeParse(queue).success) issue(0, 'queue: must be a queue index or a queue id (lowercase slug)');
  } else if (!Number.isSafeInteger(queue) || (queue as number) < 0) issue(0, 'queue: must be a whole number 0 or more (index in the snapshot\'s queues) or a queue id');
  const offset = row[1];
  if (offset !== null && offset !== false && !Number.isSafeInteger(offset)) issue(1, 'updatedAt offset: must be whole ms, null or false');
  const end = row.length > 2 && isObject(row[row.length - 1]) ? row.length - 1 : row.length;
  if ((end - 2) % 2 !== 0) issue(end - 1, 'metrics: must come in (metric index, value) pairs');
  const seen = new Set<number>();
  for (let i = 2; i + 1 < end; i += 2) {
    const metric = row[i];
    if (!Number.isInteger(metric) || (metric as number) < 0 || (metric as number) >= METRIC_IDS.length) {
      issue(i, `metric index: must be a whole number 0–${METRIC_IDS.length - 1} (${METRIC_IDS.join(', ')})`);
      continue;
    }
    if (seen.has(metric as number)) issue(i, `metric index: ${metric as number} (${METRIC_IDS[metric as number]}) given twice`);
    seen.add(metric as number);
    if (METRIC_VALUE_OK[metric as number]!(row[i + 1])) continue;
    const value = METRIC_VALUE_SCHEMAS[metric as number]!.safeParse(row[i + 1]);
    issue(i + 1, `${METRIC_IDS[metric as number]}: ${value.success ? 'is not allowed' : value.error.issues[0]!.message}`);
  }
  if (end < row.length) {
    const tail = CompactTailSchema.safeParse(row[end]);
    if (!tail.success) for (const text of describeIssues(tail.error.issues)) issue(end, `tail: ${text}`);
  }
}

export const CompactPatchSchema = z.array(z.unknown()).superRefine(checkRow);

export const CompactUpdateSchema = z
  .object({
    /** serverTime */
    t: epochMs,
    /** seq */
    s: z.number().int().positive(),
    /** Layout id of the queue list the indices refer to. */
    l: z.string().min(1).max(32),
    c: z.array(CompactPatchSchema),
    a: z.array(AlertSchema).optional(),
  })
  .superRefine((u, ctx) => {
    if (u.c.length === 0 && (u.a?.length ?? 0) === 0) ctx.addIssue({ code: 'custom', message: 'must carry at least one change or alert', input: u });
    u.c.forEach((row, index) => {
      const at = typeof row[1] === 'number' ? u.t + row[1] : 0;
      if (at < 0 || !Number.isSafeInteger(at)) {
        ctx.addIssue({ code: 'custom', message: 'updatedAt offset: t + offset must be whole ms, 0 or more', path: ['c', index, 1], input: row[1] });
      }
    });
  });
export type CompactUpdate = { t: number; s: number; l: string; c: CompactPatch[]; a?: Update['alerts'] };

/** What the gateway sends: `update` in either encoding (ServerToClientEvents is what a `json` screen receives). */
export type ServerToClientEventsAnyEncoding = Omit<ServerToClientEvents, 'update'> & { update: (update: Update | CompactUpdate) => void };

/** The compact form of an update, for the queue list `layout`. */
export function encodeCompactUpdate(update: Update, layout: QueueLayout): CompactUpdate {
  const c = update.changes.map((patch) => encodePatch(patch, update.serverTime, layout));
  const compact: CompactUpdate = { t: update.serverTime, s: update.seq, l: layout.id, c };
  if (update.alerts !== undefined) compact.a = update.alerts;
  return compact;
}

function encodePatch(patch: QueueStatePatch, serverTime: number, layout: QueueLayout): CompactPatch {
  const offset = patch.updatedAt === undefined ? false : patch.updatedAt === null ? null : patch.updatedAt - serverTime;
  const row: CompactPatch = [layout.indexOf.get(patch.queueId) ?? patch.queueId, offset];
  let tail: CompactTail | null = null;
  if (patch.metrics) {
    let pairs = 0;
    for (const id in patch.metrics) {
      const value = patch.metrics[id as MetricId];
      if (value === undefined) continue;
      row.push(METRIC_INDEX.get(id)!, value);
      pairs += 1;
    }
    if (pairs === 0) tail = { metrics: {} };
  }
  if (patch.health) tail = { ...tail, health: patch.health };
  if (patch.staffing !== undefined) tail = { ...tail, staffing: patch.staffing };
  if (patch.usual !== undefined) tail = { ...tail, usual: patch.usual };
  if (tail) row.push(tail);
  return row;
}

export type DecodedUpdate = { ok: true; value: Update } | { ok: false; reason: 'invalid' | 'layout'; issues: string[] };

/**
 * Validates a compact update on arrival and turns it back into the readable `Update`. `layout` is the
 * queue list of the snapshot the screen holds: another layout id, or an index past its end, is not applied.
 */
export function decodeCompactUpdate(data: unknown, layout: QueueLayout): DecodedUpdate {
  const parsed = CompactUpdateSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'invalid', issues: describeIssues(parsed.error.issues) };
  const { t, s, l, c, a } = parsed.data;
  if (l !== layout.id) {
    return { ok: false, reason: 'layout', issues: [`l: layout ${l} is not the layout of the snapshot held (${layout.id}): the queue list changed`] };
  }
  const changes: QueueStatePatch[] = new Array(c.length);
  for (let index = 0; index < c.length; index++) {
    const row = c[index]!;
    const queue = row[0];
    const queueId = typeof queue === 'string' ? queue : layout.queueIds[queue as number];
    if (queueId === undefined) {
      return { ok: false, reason: 'invalid', issues: [`c[${index}][0]: queue index ${String(queue)} is past the snapshot's ${layout.queueIds.length} queues`] };
    }
    changes[index] = decodePatch(queueId, row, t);
  }
  const update: Update = { serverTime: t, seq: s, changes };
  if (a !== undefined) update.alerts = a;
  return { ok: true, value: update };
}

function decodePatch(queueId: string, row: readonly unknown[], serverTime: number): QueueStatePatch {
  const patch: QueueStatePatch = { queueId };
  const last = row[row.length - 1];
  const tail = row.length > 2 && isObject(last) ? (last as CompactTail) : null;
  const end = tail ? row.length - 1 : row.length;
  if (end > 2) {
    const metrics: Partial<Record<MetricId, number | null>> = {};
    for (let i = 2; i < end; i += 2) metrics[METRIC_IDS[row[i] as number]!] = row[i + 1] as number | null;
    patch.metrics = metrics;
  } else if (tail?.metrics) patch.metrics = {};
  if (tail?.health) patch.health = tail.health;
  if (tail?.staffing !== undefined) patch.staffing = tail.staffing;
  if (tail?.usual !== undefined) patch.usual = tail.usual;
  const offset = row[1] as number | null | false;
  if (offset !== false) patch.updatedAt = offset === null ? null : serverTime + offset;
  return patch;
}

import { z } from 'zod';
import { parseWith } from '../../shared/protocol/validation';

/**
 * The engine's whole state as the event log's checkpoint holds it (JSON), and the check it passes on
 * the way back in: a checkpoint written by another version of the gateway, or damaged, is refused with
 * the field and the rule, never half-restored.
 */
export const CHECKPOINT_VERSION = 1;

/** The windows a queue keeps, by name: a window added to QueueWindows must be added here (a test checks it). */
export const WINDOW_NAMES = ['firstResponse', 'withinTarget', 'resolution', 'inflow', 'outflow'] as const;

const count = z.number().int().min(0);
const WindowSchema = z
  .object({ ats: z.array(z.number()), values: z.array(z.number()), total: z.number(), evicted: count })
  .refine((w) => w.ats.length === w.values.length, { message: 'ats and values must have the same length' });

/** A queue's open tickets in admission order, as columns: a million of them parse and check in about a second. */
const TicketsSchema = z
  .object({ ids: z.array(z.string()), openedAt: z.array(z.number()), waitingSince: z.array(z.number().nullable()), firstReplied: z.array(z.boolean()) })
  .refine((t) => t.openedAt.length === t.ids.length && t.waitingSince.length === t.ids.length && t.firstReplied.length === t.ids.length, {
    message: 'ids, openedAt, waitingSince and firstReplied must have the same length',
  });

const QueueSchema = z.object({
  tickets: TicketsSchema,
  windows: z.object(Object.fromEntries(WINDOW_NAMES.map((name) => [name, WindowSchema])) as Record<(typeof WINDOW_NAMES)[number], typeof WindowSchema>),
  backlogReading: count.nullable(),
  agentsReading: count.nullable(),
  slaBreachedReading: count.nullable(),
  oldestWaitingReading: z.object({ seconds: z.number().min(0), at: z.number() }).nullable(),
  // Checkpoints taken before handle times were read have none.
  handleTimeReading: z.number().positive().nullable().default(null),
  evictedTickets: count,
});

export const EngineSnapshotSchema = z.object({
  queues: z.record(z.string(), QueueSchema),
  /** CSAT's ratings per queue (csat-windows.ts): they outlive every other window, so they travel apart. */
  csat: z.record(z.string(), WindowSchema),
});

const CheckpointSchema = z.object({
  version: z.literal(CHECKPOINT_VERSION),
  engine: EngineSnapshotSchema,
  /** Per queue, the latest time of input the checkpoint covers: the age of its data after a restart. */
  lastInputAt: z.record(z.string(), z.number()),
});

export type WindowSnapshot = z.infer<typeof WindowSchema>;
export type QueueSnapshot = z.infer<typeof QueueSchema>;
export type TicketsSnapshot = z.infer<typeof TicketsSchema>;
export type EngineSnapshot = z.infer<typeof EngineSnapshotSchema>;
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** The checkpoint of a whole snapshot at once: the text `encodeCheckpointInSlices` builds a queue at a time. */
export function encodeCheckpoint(engine: EngineSnapshot, lastInputAt: ReadonlyMap<string, number>): string {
  const slices = encodeCheckpointInSlices(
    { queueIds: () => Object.keys(engine.queues), queueSnapshot: (id) => engine.queues[id]!, snapshotCsat: () => engine.csat },
    () => lastInputAt,
  );
  let step = slices.next();
  while (!step.done) step = slices.next();
  return step.value;
}

/** What `encodeCheckpointInSlices` reads the engine through: one queue at a time. */
export interface SnapshotSource {
  queueIds(): string[];
  queueSnapshot(id: string): QueueSnapshot;
  snapshotCsat(): EngineSnapshot['csat'];
}

/**
 * The checkpoint's text (a `Checkpoint` as JSON), built a queue at a time: it yields after each queue, so the
 * caller can let the event loop run between them (a million open tickets take a second or more to copy and
 * encode). The engine must not take new input until the generator returns. The one writer of the format.
 */
export function* encodeCheckpointInSlices(engine: SnapshotSource, lastInputAt: () => ReadonlyMap<string, number>): Generator<void, string> {
  const parts: string[] = [];
  for (const id of engine.queueIds()) {
    parts.push(`${JSON.stringify(id)}:${JSON.stringify(engine.queueSnapshot(id))}`);
    yield;
  }
  const csat = JSON.stringify(engine.snapshotCsat());
  const inputAt = JSON.stringify(Object.fromEntries(lastInputAt()));
  return `{"version":${CHECKPOINT_VERSION},"engine":{"queues":{${parts.join(',')}},"csat":${csat}},"lastInputAt":${inputAt}}`;
}

/** The checkpoint, or why it cannot be used: not JSON, another version, or a field breaking its rule. */
export function decodeCheckpoint(text: string): { ok: true; checkpoint: Checkpoint } | { ok: false; problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (version !== CHECKPOINT_VERSION) {
    return { ok: false, problem: `version ${JSON.stringify(version) ?? 'missing'}, this gateway reads version ${CHECKPOINT_VERSION}` };
  }
  const parsed = parseWith(CheckpointSchema, data);
  if (!parsed.ok) return { ok: false, problem: parsed.issues.slice(0, 3).join('; ') };
  return { ok: true, checkpoint: parsed.value };
}

import type { Clock } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import type { SourceSink } from '../source';

/**
 * How old a saved cursor may be and still be resumed from. The helpdesks' exports take older start points, but a
 * connection stopped for longer than this starts over from its backfill window rather than read a month of changes.
 */
export const CURSOR_MAX_AGE_MS = 30 * 86_400_000;

export interface ConnectorCursorsOptions {
  sourceId: string;
  /** The helpdesk's name in log lines: "Zendesk". */
  label: string;
  clock: Clock;
  logger: Logger;
  maxAgeMs?: number;
}

/**
 * A connection's cursors in the store (server/store/cursor-store.ts), through its sink: read at start, so a restart
 * or the gateway taking the lease resumes where the last one stopped instead of re-reading its backfill window;
 * saved after the events they cover were sent, so a cursor never runs ahead of what was stored.
 */
export class ConnectorCursors {
  constructor(private readonly options: ConnectorCursorsOptions) {}

  /** The saved value of `name`, or null: none saved (nothing stored), or saved too long ago (logged). */
  resume(sink: SourceSink, name: string): { value: string; savedAt: number } | null {
    const { sourceId, label, clock, logger } = this.options;
    const saved = sink.savedCursor?.(sourceId, name) ?? null;
    if (!saved) return null;
    const maxAgeMs = this.options.maxAgeMs ?? CURSOR_MAX_AGE_MS;
    const savedAt = new Date(saved.savedAt).toISOString();
    if (clock.now() - saved.savedAt > maxAgeMs) {
      logger.warn(`${label} cursor saved too long ago to resume from: reading the backfill window`, { sourceId, cursor: name, savedAt, maxAgeDays: maxAgeMs / 86_400_000 });
      return null;
    }
    logger.info(`${label} resumes from its saved cursor`, { sourceId, cursor: name, savedAt });
    return saved;
  }

  /** A time cursor (epoch ms) saved with `saveTime`, or null as for `resume` (and when it is not a time: logged). */
  resumeTime(sink: SourceSink, name: string): number | null {
    const saved = this.resume(sink, name);
    if (!saved) return null;
    const at = Number(saved.value);
    if (Number.isSafeInteger(at) && at >= 0) return at;
    this.rejected(name, `"${saved.value}" is not a time`);
    return null;
  }

  /** A time saved with `saveTime` beside a cursor already resumed (and logged) with `resume`; null: none, or not a time. */
  companionTime(sink: SourceSink, name: string): number | null {
    const at = Number(sink.savedCursor?.(this.options.sourceId, name)?.value);
    return Number.isSafeInteger(at) && at >= 0 ? at : null;
  }

  save(sink: SourceSink, name: string, value: string): void {
    sink.saveCursor?.(this.options.sourceId, name, value, this.options.clock.now());
  }

  saveTime(sink: SourceSink, name: string, at: number): void {
    this.save(sink, name, String(Math.round(at)));
  }

  /** The saved cursor cannot be used (the helpdesk refused it): the backfill window is read instead. */
  rejected(name: string, reason: string): void {
    this.options.logger.warn(`${this.options.label} refused the saved cursor: reading the backfill window`, { sourceId: this.options.sourceId, cursor: name, reason });
  }
}

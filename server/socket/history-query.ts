import { HISTORY_MAX_ANSWER_BYTES, HISTORY_RESOLUTION_MS, type HistoryRequest, type HistoryResponse } from '../../shared/protocol/protocol';
import type { Clock } from '../runtime/clock';
import type { HistoryPoint, HistoryRead } from '../store/metric-history';

export interface HistoryQueryOptions {
  clock: Clock;
  /** The per-minute history (server/store/metric-history.ts); null when the gateway keeps no store. */
  history: { since(cutoffMs: number, read?: HistoryRead): Map<string, HistoryPoint[]> } | null;
  isKnownQueue: (queueId: string) => boolean;
  /** The largest answer sent, in bytes (JSON); larger ones are refused with `too-large`. */
  maxAnswerBytes?: number;
}

/**
 * The fewest bytes one stored row adds to an answer: its minute in `at` (13 digits and a comma). Reading
 * at most maxAnswerBytes / this rows bounds the read itself, not only what is sent.
 */
const MIN_ROW_BYTES = 14;

/** Answers a screen's `history` request: the asked metrics of the asked (or every configured) queue over the span. */
export function createHistoryQuery({ clock, history, isKnownQueue, maxAnswerBytes = HISTORY_MAX_ANSWER_BYTES }: HistoryQueryOptions): (request: HistoryRequest) => HistoryResponse {
  const maxRows = Math.ceil(maxAnswerBytes / MIN_ROW_BYTES);
  const tooLarge = (size: string): HistoryResponse => ({
    ok: false,
    code: 'too-large',
    issues: [`history: the answer would be ${size} bytes, over the ${maxAnswerBytes}-byte limit; ask for fewer queues (queueIds), fewer metrics or a shorter spanMs`],
  });
  return (request) => {
    if (!history) return { ok: true, resolutionMs: HISTORY_RESOLUTION_MS, queues: [] };
    const rows = history.since(clock.now() - request.spanMs, { queueIds: request.queueIds, maxRows: maxRows + 1 });
    let rowsRead = 0;
    for (const points of rows.values()) rowsRead += points.length;
    if (rowsRead > maxRows) return tooLarge(`more than ${maxAnswerBytes}`);
    const queues = [...rows]
      .filter(([queueId]) => isKnownQueue(queueId))
      .map(([queueId, points]) => ({
        queueId,
        at: points.map((p) => p.at),
        values: Object.fromEntries(request.metrics.map((m) => [m, points.map((p) => p.metrics[m] ?? null)])),
      }));
    const answer: HistoryResponse = { ok: true, resolutionMs: HISTORY_RESOLUTION_MS, queues };
    const bytes = Buffer.byteLength(JSON.stringify(answer));
    return bytes > maxAnswerBytes ? tooLarge(String(bytes)) : answer;
  };
}

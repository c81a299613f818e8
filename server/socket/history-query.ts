import { HISTORY_RESOLUTION_MS, type HistoryRequest, type HistoryResponse } from '../../shared/protocol/protocol';
import type { Clock } from '../runtime/clock';
import type { HistoryPoint } from '../store';

export interface HistoryQueryOptions {
  clock: Clock;
  /** The per-minute history (server/store/metric-history.ts); null when the gateway keeps no store. */
  history: { since(cutoffMs: number): Map<string, HistoryPoint[]> } | null;
  isKnownQueue: (queueId: string) => boolean;
}

/** Answers a screen's `history` request: the asked metrics of the asked (or every configured) queue over the span. */
export function createHistoryQuery({ clock, history, isKnownQueue }: HistoryQueryOptions): (request: HistoryRequest) => HistoryResponse {
  return (request) => {
    if (!history) return { ok: true, resolutionMs: HISTORY_RESOLUTION_MS, queues: [] };
    const wanted = request.queueIds ? new Set(request.queueIds) : null;
    const rows = history.since(clock.now() - request.spanMs);
    const queues = [...rows]
      .filter(([queueId]) => isKnownQueue(queueId) && (!wanted || wanted.has(queueId)))
      .map(([queueId, points]) => ({
        queueId,
        at: points.map((p) => p.at),
        values: Object.fromEntries(request.metrics.map((m) => [m, points.map((p) => p.metrics[m] ?? null)])),
      }));
    return { ok: true, resolutionMs: HISTORY_RESOLUTION_MS, queues };
  };
}

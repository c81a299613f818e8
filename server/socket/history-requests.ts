import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HISTORY_REQUESTS_PER_MINUTE, HistoryRequestSchema, type HistoryRequest, type HistoryResponse } from '../../shared/protocol/protocol';
import { parseWith } from '../../shared/protocol/validation';

export interface HistoryRequestsOptions {
  /** Reads and answers a valid request (history-query.ts), its size already capped there. */
  read: (request: HistoryRequest) => HistoryResponse | Promise<HistoryResponse>;
  knownQueues: ReadonlySet<string>;
  /** Requests one connection may send per minute. */
  requestsPerMinute?: number;
}

/**
 * The gateway's side of `history`, per connection: counted against the connection's budget first (a
 * flood is refused before it is parsed or read, and one connection's flood leaves the others' budgets
 * alone), then validated, then read. rate-limiter-flexible keeps its time with Date.now.
 */
export function answerHistory({ read, knownQueues, requestsPerMinute = HISTORY_REQUESTS_PER_MINUTE }: HistoryRequestsOptions) {
  const budget = new RateLimiterMemory({ keyPrefix: 'history', points: requestsPerMinute, duration: 60 });

  /** As ingest does: a queue id the gateway does not have is refused by name, not answered with nothing. */
  const unknownQueues = (request: HistoryRequest): string[] =>
    (request.queueIds ?? []).flatMap((id, index) => (knownQueues.has(id) ? [] : [`queueIds[${index}]: "${id}" is not a configured queue`]));

  return {
    async answer(connectionId: string, request: unknown): Promise<HistoryResponse> {
      try {
        await budget.consume(connectionId);
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        const retryAfter = Math.ceil(refused.msBeforeNext / 1000);
        return { ok: false, code: 'too-often', retryAfter, issues: [`history: at most ${requestsPerMinute} requests a minute on one connection; ask again in ${retryAfter} s`] };
      }
      const parsed = parseWith(HistoryRequestSchema, request);
      const issues = parsed.ok ? unknownQueues(parsed.value) : parsed.issues;
      if (!parsed.ok || issues.length > 0) return { ok: false, code: 'invalid', issues };
      return read(parsed.value);
    },
    /** A closed connection's budget goes with it. */
    forget(connectionId: string): void {
      void budget.delete(connectionId);
    },
  };
}

/**
 * The one wait for PostgreSQL's commit before an answer (the write queue's `committed`, write-queue.ts):
 * HTTP ingest answers 200 after it (server/ingest/ingest-apply.ts), a person's command answers ok after it
 * (server/socket/recorded-commands.ts). On the SQLite store there is no record and nothing waits.
 */

/** How long an answer waits for the commit before saying it has not come; what was written stays queued, in order. */
export const COMMIT_WAIT_MS = 2000;

/** Why the store's record did not take or commit a write, and when a retry may succeed (seconds). */
export interface StoreDown {
  message: string;
  retryAfter: number;
}

/** Whether the store's record can take writes now, and when what was written so far is committed there. */
export interface RecordGate {
  unavailable(): StoreDown | null;
  committed(timeoutMs?: number): Promise<void>;
}

/** Waits for `committed`: null once committed, else why not (StoreUnavailableError's message and retryAfter). */
export async function untilCommitted(committed: () => Promise<void> | undefined): Promise<StoreDown | null> {
  try {
    await committed();
    return null;
  } catch (error) {
    const { message, retryAfter } = error as { message: string; retryAfter?: number };
    return { message, retryAfter: retryAfter ?? 2 };
  }
}

import type { CommandName, GatewayRefusal } from '../../shared/protocol/commands';
import { COMMIT_WAIT_MS, untilCommitted, type RecordGate, type StoreDown } from '../store/pg/commit-wait';

/** A command's answer: at once on the SQLite store, once PostgreSQL has committed the change on a shared one. */
export type Recorded<R> = R | GatewayRefusal | Promise<R | GatewayRefusal>;

/** Runs a change and answers as the store's record allows (shared/protocol/store-refusals.ts). */
export type RecordChange = <R extends { ok: boolean }>(name: CommandName, change: () => R) => Recorded<R>;

/**
 * A person's change answered ok only once the shared store has it, as HTTP ingest is (the same wait,
 * server/store/pg/commit-wait.ts): an "acknowledged" seen on a desk survives the evaluating gateway's death.
 * While PostgreSQL cannot be reached nothing is changed (`store-unavailable`). A change whose commit does not
 * come within the wait stays made here (the screens already show it) and queued for PostgreSQL in order,
 * as ingest's input does: undoing it would not unsend what the screens and webhooks were told (`store-pending`).
 * Without a record (the SQLite store) the change is answered at once, as before.
 */
export function recordChanges(record: RecordGate | null): RecordChange {
  return <R extends { ok: boolean }>(name: CommandName, change: () => R): Recorded<R> => {
    if (!record) return change();
    const down = record.unavailable();
    if (down) return storeUnavailable(name, down);
    const answer = change();
    // A refusal changed nothing: no commit to wait for.
    if (!answer.ok) return answer;
    return untilCommitted(() => record.committed(COMMIT_WAIT_MS)).then((late) => (late ? storePending(name, late) : answer));
  };
}

function storeUnavailable(name: CommandName, down: StoreDown): GatewayRefusal {
  return { ok: false, code: 'store-unavailable', issues: [`${name}: nothing was changed: ${down.message}; try again in ${down.retryAfter} s`] };
}

function storePending(name: CommandName, late: StoreDown): GatewayRefusal {
  return {
    ok: false,
    code: 'store-pending',
    issues: [
      `${name}: made on the evaluating gateway and shown on the screens, but not yet saved in the shared store (${late.message}); ` +
        'it is saved there, in order, once PostgreSQL answers; if that gateway stops before then, it is lost: check it once the store is back',
    ],
  };
}

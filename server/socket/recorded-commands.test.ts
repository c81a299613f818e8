import { describe, expect, it } from 'vitest';
import type { RecordGate } from '../store/pg/commit-wait';
import { StoreUnavailableError } from '../store/pg/write-queue';
import { recordChanges } from './recorded-commands';

/** A store's record whose commit the test lets happen (or fail), and that can be down. */
function fakeRecord() {
  const waits: Array<{ timeoutMs: number | undefined; commit: () => void; fail: (error: Error) => void }> = [];
  let down: { message: string; retryAfter: number } | null = null;
  const record: RecordGate = {
    unavailable: () => down,
    committed: (timeoutMs) => new Promise<void>((commit, fail) => waits.push({ timeoutMs, commit, fail })),
  };
  return { record, waits, goDown: (message: string) => (down = { message, retryAfter: 2 }) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a change answered once the store has it', () => {
  it('on the SQLite store (no record): answered at once, not as a promise', () => {
    const recorded = recordChanges(null);
    expect(recorded('alert:acknowledge', () => ({ ok: true }))).toEqual({ ok: true });
  });

  it('answers ok only after PostgreSQL commits, waiting the ingest API\'s 2 s at most', async () => {
    const { record, waits } = fakeRecord();
    let changed = 0;
    const answer = recordChanges(record)('thresholds:save', () => ({ ok: true, revision: ++changed }));
    expect(changed).toBe(1);
    let answered: unknown = null;
    void Promise.resolve(answer).then((value) => (answered = value));
    await settle();
    expect(answered).toBeNull();
    expect(waits.map((w) => w.timeoutMs)).toEqual([2000]);
    waits[0]!.commit();
    await settle();
    expect(answered).toEqual({ ok: true, revision: 1 });
  });

  it('no commit within the wait: store-pending, saying the change stands here and is saved later (it is not undone)', async () => {
    const { record, waits } = fakeRecord();
    let changed = 0;
    const answer = recordChanges(record)('alert:acknowledge', () => (changed++, { ok: true }));
    waits[0]!.fail(new StoreUnavailableError('PostgreSQL did not commit within 2000 ms', 2));
    expect(await answer).toEqual({
      ok: false,
      code: 'store-pending',
      issues: [expect.stringMatching(/^alert:acknowledge: made on the evaluating gateway and shown on the screens, but not yet saved in the shared store \(PostgreSQL did not commit within 2000 ms\); it is saved there, in order, once PostgreSQL answers; if that gateway stops before then, it is lost/)],
    });
    expect(changed).toBe(1);
  });

  it('PostgreSQL known to be unreachable: store-unavailable at once, and nothing is changed', () => {
    const { record, waits, goDown } = fakeRecord();
    goDown('the PostgreSQL store cannot be reached (connect ECONNREFUSED 127.0.0.1:5432)');
    let changed = 0;
    expect(recordChanges(record)('broadcast:post', () => (changed++, { ok: true }))).toEqual({
      ok: false,
      code: 'store-unavailable',
      issues: ['broadcast:post: nothing was changed: the PostgreSQL store cannot be reached (connect ECONNREFUSED 127.0.0.1:5432); try again in 2 s'],
    });
    expect(changed).toBe(0);
    expect(waits).toEqual([]);
  });

  it('a refusal changed nothing: answered at once, without waiting for a commit', () => {
    const { record, waits } = fakeRecord();
    const refusal = { ok: false, code: 'conflict', issues: ['someone else saved first'] };
    expect(recordChanges(record)('thresholds:save', () => refusal)).toBe(refusal);
    expect(waits).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../../shared/protocol/commands';
import type { CommandDeps } from './commands';
import { createCommands } from './commands';

/** Every service as one that notes which method was called and answers ok with an empty list. */
function services(called: string[]) {
  const service = (name: string) =>
    new Proxy({}, { get: (_target, method) => (..._args: unknown[]) => (called.push(`${name}.${String(method)}`), { ok: true, entries: [], items: [] }) });
  return { alerts: service('alerts'), admin: service('admin'), notifier: service('notifier'), broadcasts: service('broadcasts'), incidents: service('incidents') } as unknown as Pick<CommandDeps, 'alerts' | 'admin' | 'notifier' | 'broadcasts' | 'incidents'>;
}

/** The commands that only read: answered whatever the store's record says. */
const READS: readonly CommandName[] = ['thresholds:export', 'audit:list', 'webhooks:dead-letters', 'incident:timeline'];
const CHANGES = COMMAND_NAMES.filter((name) => !READS.includes(name));

describe('the gateway\'s commands on a shared store', () => {
  it.each(CHANGES)('%s changes something: refused while PostgreSQL cannot be reached, and nothing is done', async (name) => {
    const called: string[] = [];
    let flushed = 0;
    const down = { message: 'the PostgreSQL store cannot be reached (ECONNREFUSED)', retryAfter: 2 };
    const commands = createCommands({
      ...services(called),
      clock: { now: () => 1000 },
      flush: () => flushed++,
      record: { unavailable: () => down, committed: () => Promise.reject(new Error('not asked')) },
    });
    const handler = commands[name] as (request: unknown, actor: string, role: 'manager') => unknown;
    expect(await handler({}, 'Marta', 'manager')).toMatchObject({ ok: false, code: 'store-unavailable', issues: [expect.stringContaining(`${name}: nothing was changed`)] });
    expect(called).toEqual([]);
    expect(flushed).toBe(0);
  });

  it.each(READS)('%s only reads: answered at once, without asking the record', (name) => {
    const called: string[] = [];
    const record = { unavailable: () => ({ message: 'down', retryAfter: 2 }), committed: () => Promise.reject(new Error('not asked')) };
    const commands = createCommands({ ...services(called), clock: { now: () => 1000 }, flush: () => undefined, record });
    const handler = commands[name] as (request: unknown, actor: string, role: 'manager') => unknown;
    const answer = handler({ limit: 10, incidentId: 'i1', language: 'en' }, 'Marta', 'manager');
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toMatchObject({ ok: true });
    expect(called).toHaveLength(1);
  });

  it('an acknowledgement is flushed to the screens at once, and answered once committed', async () => {
    const called: string[] = [];
    let flushed = 0;
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const commands = createCommands({ ...services(called), clock: { now: () => 1000 }, flush: () => flushed++, record: { unavailable: () => null, committed: () => committed } });
    let answered = false;
    const answer = Promise.resolve(commands['alert:acknowledge']({ alertId: 'a1' }, 'Ana', 'lead')).then((value) => ((answered = true), value));
    await new Promise((resolve) => setImmediate(resolve));
    expect({ called, flushed, answered }).toEqual({ called: ['alerts.acknowledge'], flushed: 1, answered: false });
    commit();
    expect(await answer).toMatchObject({ ok: true });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD_STATE } from '../../shared/protocol/admin-protocol';
import type { Snapshot } from '../../shared/protocol/protocol';
import { silentLogger } from '../runtime/logger';
import { createRelay, type ClusterBus, type PrimaryAnswers } from './relay';

type Listener = Parameters<ClusterBus['on']>[1];

/** Gateways on one bus: each question reaches every other one, and the asker gets all their replies. */
function bus() {
  const listeners = new Map<ClusterBus, Listener>();
  let lose = 0;
  const member = (): ClusterBus => {
    const self: ClusterBus = {
      on: (_event, listener) => listeners.set(self, listener),
      serverSideEmit: (_event, question, done) => {
        if (lose > 0) {
          lose -= 1;
          return done(new Error('timeout reached: missing 2 responses'), []);
        }
        // As socket.io does: done once every other gateway has replied (an evaluator may reply later).
        const others = [...listeners].filter(([other]) => other !== self);
        const replies: (string | null)[] = [];
        for (const [, listener] of others) {
          listener(question, (reply) => {
            replies.push(reply);
            if (replies.length === others.length) done(null, replies);
          });
        }
      },
    };
    return self;
  };
  return { member, loseNext: (count: number) => (lose = count) };
}

const snapshot = { seq: 7, queues: [], states: {}, alerts: [] } as unknown as Snapshot;
const primaryAnswers: PrimaryAnswers = {
  welcome: () => ({ thresholds: DEFAULT_THRESHOLD_STATE, snapshot: { ...snapshot, note: undefined } as Snapshot }),
  command: (name, _request, actor, role) => ({ ok: true, note: `${name} by ${actor} (${role})` }) as never,
  history: () => ({ ok: true, queues: [] }) as never,
};
const refuse = (): never => {
  throw new Error('a standby answered from its own state');
};
const standbyAnswers: PrimaryAnswers = { welcome: refuse, command: refuse, history: refuse };

function cluster(primaryEvaluates = true) {
  const wire = bus();
  createRelay({ bus: wire.member(), local: primaryAnswers, isPrimary: () => primaryEvaluates, logger: silentLogger });
  createRelay({ bus: wire.member(), local: standbyAnswers, isPrimary: () => false, logger: silentLogger });
  const asker = createRelay({ bus: wire.member(), local: standbyAnswers, isPrimary: () => false, logger: silentLogger, welcomeRetryMs: 1 });
  return { wire, asker };
}

describe('the relay between gateways', () => {
  it('answers a standby\'s screen from the evaluating gateway, as JSON (an absent field stays absent)', async () => {
    const { asker } = cluster();
    const welcome = await asker.welcome();
    expect(welcome).toEqual({ thresholds: DEFAULT_THRESHOLD_STATE, snapshot });
    expect('note' in welcome!.snapshot).toBe(false);
    expect(await asker.command('alert:acknowledge', { alertId: 'a1' }, 'Ana', 'lead')).toEqual({ ok: true, note: 'alert:acknowledge by Ana (lead)' });
    // The role goes with the actor: what a lead may do (a broadcast to the groups they own) is decided where it runs.
    expect(await asker.command('broadcast:end', { broadcastId: 'b1' }, 'Marta', 'manager')).toEqual({ ok: true, note: 'broadcast:end by Marta (manager)' });
  });

  it('a command asked by a standby is answered once the evaluator\'s answer is (after the store\'s commit)', async () => {
    const wire = bus();
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const waiting: PrimaryAnswers = { ...primaryAnswers, command: async () => (await committed, { ok: true }) };
    createRelay({ bus: wire.member(), local: waiting, isPrimary: () => true, logger: silentLogger });
    const asker = createRelay({ bus: wire.member(), local: standbyAnswers, isPrimary: () => false, logger: silentLogger });
    let answered: unknown = null;
    const answer = asker.command('alert:acknowledge', { alertId: 'a1' }, 'Ana', 'lead').then((value) => (answered = value));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBeNull();
    commit();
    await answer;
    expect(answered).toEqual({ ok: true });
  });

  it('asks for a welcome again when the question was lost (Redis reconnecting)', async () => {
    const { wire, asker } = cluster();
    wire.loseNext(2);
    expect(await asker.welcome()).toMatchObject({ snapshot: { seq: 7 } });
  });

  it('while no gateway evaluates: no welcome (the next evaluator sends one to all), commands and history refused naming why', async () => {
    const { asker } = cluster(false);
    expect(await asker.welcome()).toBeNull();
    expect(await asker.command('thresholds:save', { changes: [] }, 'Marta', 'manager')).toEqual({
      ok: false, code: 'unavailable', issues: ['thresholds:save: no gateway is evaluating just now (one takes over within 10 s); try again'],
    });
    expect(await asker.history({ minutes: 60 } as never)).toMatchObject({ ok: false, code: 'unavailable' });
  });
});

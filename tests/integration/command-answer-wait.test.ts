import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../shared/protocol/commands';
import { connect, nextEvent, type TestSocket } from '../support/gateway-harness';
import { LoneSocketGateways } from '../support/lone-socket-gateway';
import { refusingCommands } from '../support/refusing-commands';

// The socket gateway answers a command whose handler waits (for the shared store's commit,
// server/socket/recorded-commands.ts) once the wait is over, and a wait that fails as `unavailable`.
const gateways = new LoneSocketGateways();
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await gateways.closeAll();
});

async function start(commands: CommandHandlers) {
  // Every connection may send every command: this test is about when the answer comes.
  const { stats, url } = await gateways.start({ commands, role: 'manager' });
  const socket = connect(url, { protocol: 6, client: 'desk' });
  sockets.push(socket);
  await nextEvent(socket, 'snapshot');
  return { socket, stats };
}

describe('a command whose answer waits', () => {
  it('is answered once its handler\'s wait is over, and a refusal after it is counted by its code', async () => {
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const { socket, stats } = await start({
      ...refusingCommands,
      'alert:acknowledge': async () => (await committed, { ok: true }),
      'alert:snooze': () => Promise.resolve({ ok: false, code: 'store-pending', issues: ['alert:snooze: made on the evaluating gateway …'] }),
    });
    let answered: unknown = null;
    const answer = socket.emitWithAck('alert:acknowledge', { alertId: 'a1' }).then((value) => (answered = value));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBeNull();
    commit();
    await answer;
    expect(answered).toEqual({ ok: true });
    expect(await socket.emitWithAck('alert:snooze', { alertId: 'a1', until: Date.UTC(2026, 11, 7, 11) })).toMatchObject({ ok: false, code: 'store-pending' });
    expect(stats.rejectedMessages.get('alert:snooze:store-pending')).toBe(1);
  });

  it('a wait that fails answers unavailable, naming the command', async () => {
    const { socket } = await start({ ...refusingCommands, 'incident:close': () => Promise.reject(new Error('the store went away')) });
    expect(await socket.emitWithAck('incident:close', { incidentId: 'i1' })).toEqual({ ok: false, code: 'unavailable', issues: ['incident:close: the gateway could not record it; try again'] });
  });
});

import { describe, expect, it } from 'vitest';
import { createGatewayCommands, type CommandSocket } from './gateway-commands';

/** A socket that answers each command with what `answer` returns (or never, for a timeout). */
function fakeSocket(answer: (event: string, request: unknown) => Promise<unknown>) {
  const sent: Array<{ event: string; request: unknown; timeoutMs: number }> = [];
  const socket = {
    timeout: (timeoutMs: number) => ({
      emitWithAck: (event: string, request: unknown) => {
        sent.push({ event, request, timeoutMs });
        return answer(event, request);
      },
    }),
  };
  // The fake has the one method the senders use; socket.io's full Socket type is not needed for it.
  return { sent, socket: socket as unknown as CommandSocket };
}

describe('gateway commands', () => {
  it('sends each command under its name from the command map and hands back the validated answer', async () => {
    const { sent, socket } = fakeSocket(async () => ({ ok: true, revision: 4, applied: 1 }));
    const commands = createGatewayCommands(socket);
    expect(await commands.revert(3)).toEqual({ ok: true, revision: 4, applied: 1 });
    await commands.acknowledge('a-1', 'on it');
    await commands.auditList();
    expect(sent).toEqual([
      { event: 'audit:revert', request: { auditId: 3 }, timeoutMs: 5000 },
      { event: 'alert:acknowledge', request: { alertId: 'a-1', note: 'on it' }, timeoutMs: 5000 },
      { event: 'audit:list', request: { limit: 100 }, timeoutMs: 5000 },
    ]);
  });

  it('turns an answer that breaks its schema into `unavailable`, saying what was wrong', async () => {
    const { socket } = fakeSocket(async () => ({ ok: false, code: 'exploded', issues: [] }));
    const answer = await createGatewayCommands(socket).snooze('a-1', 1_800_000_000_000);
    expect(answer).toMatchObject({ ok: false, code: 'unavailable', issues: [expect.stringMatching(/^The gateway's answer was not understood: /)] });
  });

  it('turns a timeout into `unavailable`', async () => {
    const { socket } = fakeSocket(() => Promise.reject(new Error('operation has timed out')));
    expect(await createGatewayCommands(socket).exportThresholds()).toEqual({
      ok: false,
      code: 'unavailable',
      issues: ['The gateway did not answer within 5 s; nothing is known to have changed. Try again.'],
    });
  });
});

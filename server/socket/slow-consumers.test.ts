import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardSends, PACKET_OVERHEAD_BYTES } from './slow-consumers';

/** An engine.io connection as the guard sees it: packets announced, then flushed to a transport holding `bufferedAmount`. */
function fakeConnection() {
  const conn = Object.assign(new EventEmitter(), { transport: { socket: { bufferedAmount: 0 } } });
  const send = (data: string | Buffer) => {
    const packet = { type: 'message', data };
    conn.emit('packetCreate', packet);
    return packet;
  };
  return { conn, send };
}

describe('the send guard', () => {
  it('counts every packet, whatever sent it, with its overhead, and uncounts what engine.io flushes', () => {
    const { conn, send } = fakeConnection();
    const guard = guardSends(conn, 10_000, () => {});
    const heartbeat = send('42["heartbeat",{"serverTime":1}]');
    const answer = send(Buffer.alloc(1000));
    expect(guard.queued()).toBe(heartbeat.data.length + 1000 + 2 * PACKET_OVERHEAD_BYTES);
    conn.emit('flush', [heartbeat]);
    conn.transport.socket.bufferedAmount = 500; // what ws and the TCP socket took
    expect(guard.queued()).toBe(1000 + PACKET_OVERHEAD_BYTES + 500);
    conn.emit('flush', [answer, { type: 'ping' }]); // a packet created before the guard is not uncounted
    expect(guard.queued()).toBe(500);
  });

  it('calls onOver once, for the packet that would cross the limit, before counting it', () => {
    const { conn, send } = fakeConnection();
    const over: Array<[number, number]> = [];
    const guard = guardSends(conn, 3 * (100 + PACKET_OVERHEAD_BYTES), (queued, bytes) => over.push([queued, bytes]));
    for (let i = 0; i < 3; i++) send('x'.repeat(100));
    expect(over).toEqual([]);
    send('x');
    send('y'.repeat(5000));
    expect(over).toEqual([[3 * (100 + PACKET_OVERHEAD_BYTES), 1 + PACKET_OVERHEAD_BYTES]]);
    expect(guard.queued()).toBe(3 * (100 + PACKET_OVERHEAD_BYTES));
  });
});

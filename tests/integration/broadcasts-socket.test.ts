import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { nextEvent, type TestSocket } from '../support/gateway-harness';
import { LISBON_OFFICE, lisbonQueue } from '../support/one-office';

const config = GatewayConfigSchema.parse({
  version: 1,
  offices: [LISBON_OFFICE, { id: 'amsterdam', name: 'Amsterdam', timeZone: 'Europe/Amsterdam', locale: 'nl-NL' }],
  queues: [lisbonQueue(), lisbonQueue({ id: 'ams-phone', name: 'Phone', officeId: 'amsterdam', channel: 'phone', team: { name: 'Rhine', kind: 'partner' } })],
  groups: [{ id: 'partners', name: 'Partners', teams: ['Rhine'], owners: ['Ana Costa'] }],
  auth: {
    anonymous: 'display',
    tokens: [
      { name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') },
      { name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') },
      { name: 'Lisbon floor', role: 'display', sha256: hashKey('wall-token') },
    ],
  },
});

const harness = gatewayHarness();
const T0 = Date.UTC(2026, 10, 24, 10);
const open = (url: string, token?: string, client = 'desk'): TestSocket => harness.connect(url, { protocol: PROTOCOL_VERSION, client, ...(token ? { token } : {}) });
const send = (socket: TestSocket, event: 'broadcast:post' | 'broadcast:end', request: unknown) =>
  (socket.timeout(5000).emitWithAck as (e: string, r: unknown) => Promise<{ ok: boolean; code?: string; issues?: string[]; broadcast?: { id: string } }>)(event, request);

describe('broadcasts over real sockets', () => {
  it('a lead posts to a group they own and every screen hears it at once; a display is refused; a manager ends it', async () => {
    const { url } = await harness.start({ config, dataDir: 'temp', time: new FakeTime(T0) });
    const lead = open(url, 'ana-token');
    const display = open(url, 'wall-token', 'wall');
    const wall = open(url, undefined, 'wall');
    const manager = open(url, 'marta-token', 'settings');
    const snapshots = await Promise.all([lead, display, wall, manager].map((s) => nextEvent(s, 'snapshot')));
    expect(snapshots.map((s) => s.broadcasts)).toEqual([[], [], [], []]);

    const post = { text: { en: 'Rhine phones are down', nl: 'Telefoons Rijn liggen eruit' }, severity: 'critical', audience: { kind: 'groups', groupIds: ['partners'] }, endsAt: T0 + 3_600_000 };
    expect(await send(display, 'broadcast:post', post)).toEqual({
      ok: false, code: 'forbidden', issues: ["broadcast:post: needs the lead role; this screen's token (Lisbon floor) has the display role"],
    });
    expect(await send(lead, 'broadcast:post', { ...post, audience: { kind: 'all' } })).toMatchObject({ ok: false, code: 'forbidden' });
    const heard = nextEvent(wall, 'broadcasts');
    const answer = await send(lead, 'broadcast:post', post);
    expect(answer).toMatchObject({ ok: true, broadcast: { postedBy: 'Ana Costa', queueIds: ['ams-phone'], state: 'active' } });
    expect((await heard).broadcasts).toMatchObject([{ id: answer.broadcast!.id, text: post.text, severity: 'critical' }]);

    const gone = nextEvent(wall, 'broadcasts');
    expect(await send(manager, 'broadcast:end', { broadcastId: answer.broadcast!.id })).toMatchObject({ ok: true, broadcast: { state: 'ended' } });
    expect((await gone).broadcasts).toEqual([]);
  });

  it('survives a gateway restart on the same store, then ends by itself at its end time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-broadcast-restart-'));
    const first = await harness.start({ config, dataDir, time: new FakeTime(T0) });
    const manager = open(first.url, 'marta-token', 'settings');
    await nextEvent(manager, 'snapshot');
    const posted = await send(manager, 'broadcast:post', { text: 'Fire drill at 11:00', severity: 'info', audience: { kind: 'offices', officeIds: ['lisbon'] }, endsAt: T0 + 20 * 60_000 });
    expect(posted.ok).toBe(true);
    manager.disconnect();
    harness.gateways.splice(harness.gateways.indexOf(first.gateway), 1);
    await first.gateway.close();

    const time = new FakeTime(T0 + 10 * 60_000);
    const second = await harness.start({ config, dataDir, time });
    const wall = open(second.url, undefined, 'wall');
    const snapshot = await nextEvent(wall, 'snapshot');
    expect(snapshot.broadcasts).toMatchObject([{ id: posted.broadcast!.id, text: 'Fire drill at 11:00', queueIds: ['chat'], state: 'active' }]);
    const ended = nextEvent(wall, 'broadcasts');
    time.advance(10 * 60_000);
    expect((await ended).broadcasts).toEqual([]);
  });
});

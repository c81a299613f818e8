import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PostBroadcastRequestSchema, type BroadcastList, type PostBroadcastRequest } from '../../shared/protocol/broadcast-protocol';
import { COMMANDS } from '../../shared/protocol/commands';
import { parseWith } from '../../shared/protocol/validation';
import { FakeTime } from '../../tests/support/fake-time';
import { silentLogger } from '../runtime/logger';
import { openStore, type GatewayStore } from '../store';
import { BroadcastService } from './broadcast-service';
import type { BroadcastWorld } from './broadcast-rules';

const T0 = Date.UTC(2026, 11, 7, 9, 0);
const MIN = 60_000;
const world: BroadcastWorld = {
  officeIds: ['lisbon', 'amsterdam'],
  queues: [
    { id: 'lis-chat', officeId: 'lisbon' },
    { id: 'lis-x', officeId: 'lisbon' },
    { id: 'ams-phone', officeId: 'amsterdam' },
  ],
  groups: [
    { id: 'social', name: 'Social', queueIds: ['lis-x'], owners: ['Ana Costa'] },
    { id: 'partners', name: 'Partners', queueIds: ['ams-phone'], owners: ['Bram de Vries'] },
  ],
};

const stores: GatewayStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function setUp(dataDir: string | null = null, time = new FakeTime(T0)) {
  const store = dataDir === null ? null : openStore({ dataDir, clock: time, logger: silentLogger });
  if (store) stores.push(store);
  let n = 0;
  const sent: BroadcastList[] = [];
  const service = new BroadcastService({ persistence: store?.broadcasts ?? null, world, clock: time, scheduler: time, logger: silentLogger, newId: () => `b${++n}` });
  service.connect({ broadcasts: (list) => sent.push(list) });
  service.restore();
  service.start();
  return { service, store, time, sent };
}

/** As the gateway receives it: through the command's schema (defaults applied). */
const request = (fields: Record<string, unknown>): PostBroadcastRequest => {
  const parsed = parseWith(PostBroadcastRequestSchema, { text: 'Phones are down in Lisbon', severity: 'critical', audience: { kind: 'all' }, endsAt: T0 + 30 * MIN, ...fields });
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.value;
};

describe('broadcast requests', () => {
  it('refuse a bad audience, severity and an over-long text, naming each field and the rule', () => {
    const parsed = parseWith(COMMANDS['broadcast:post'].request, {
      text: { pt: 'x'.repeat(161), de: 'Hallo' },
      severity: 'urgent',
      audience: { kind: 'everyone' },
      endsAt: T0,
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues).toEqual([
      'text.pt: must be at most 160 characters (a banner is read from five metres)',
      'text: names a language this board does not speak (de); it speaks en, pt, nl',
      'severity: must be one of "info", "warning", "critical"',
      'audience.kind: must be { kind: "all" }, { kind: "offices", officeIds } or { kind: "groups", groupIds }',
    ]);
    const long = parseWith(COMMANDS['broadcast:post'].request, { text: 'x'.repeat(161), severity: 'info', audience: { kind: 'offices', officeIds: [] }, endsAt: T0 });
    expect(!long.ok && long.issues).toEqual([
      'text: must be at most 160 characters (a banner is read from five metres)',
      'audience.officeIds: must name at least one office',
    ]);
    const none = parseWith(COMMANDS['broadcast:post'].request, { text: {}, severity: 'info', audience: { kind: 'all' }, endsAt: T0 });
    expect(!none.ok && none.issues).toEqual(['text: must give the text in at least one of en, pt, nl']);
    expect(parseWith(COMMANDS['broadcast:post'].request, { text: 42, severity: 'info', audience: { kind: 'all' }, endsAt: T0 })).toMatchObject({
      issues: ['text: must be a text, or an object with one text per language (en, pt, nl)'],
    });
  });
});

describe('BroadcastService', () => {
  it('refuses an end before the start, a time in the past or too far ahead, and unknown offices, groups and queues', () => {
    const { service } = setUp();
    const clock = "the gateway's clock reads 2026-12-07T09:00:00.000Z";
    expect(service.post(request({ startsAt: T0 + 20 * MIN, endsAt: T0 + 10 * MIN }), 'Marta Silva', 'manager')).toEqual({
      ok: false, code: 'invalid', issues: ['endsAt: must be after startsAt (2026-12-07T09:20:00.000Z)'],
    });
    expect(service.post(request({ startsAt: T0 - 5 * MIN, endsAt: T0 + 8 * 86_400_000 }), 'Marta Silva', 'manager')).toEqual({
      ok: false, code: 'invalid', issues: [`startsAt: must not be in the past (${clock})`, `endsAt: must be at most 7 days ahead (${clock})`],
    });
    expect(service.post(request({ endsAt: T0 - MIN }), 'Marta Silva', 'manager')).toMatchObject({ issues: ['endsAt: must be after startsAt (2026-12-07T09:00:00.000Z)'] });
    expect(service.post(request({ audience: { kind: 'offices', officeIds: ['lisbon', 'porto'] }, linkedQueueIds: ['lis-chat', 'nowhere'] }), 'Marta Silva', 'manager')).toEqual({
      ok: false,
      code: 'invalid',
      issues: [
        'audience.officeIds[1]: names office "porto", which is not among the offices (lisbon, amsterdam)',
        'linkedQueueIds[1]: names queue "nowhere", which is not among the queues',
      ],
    });
    expect(service.post(request({ audience: { kind: 'groups', groupIds: ['vip'] } }), 'Marta Silva', 'manager')).toMatchObject({
      issues: ['audience.groupIds[0]: names queue group "vip", which is not among the groups (social, partners)'],
    });
    expect(service.current()).toEqual([]);
  });

  it('lets a lead post to the groups they own and a manager anywhere', () => {
    const { service } = setUp();
    expect(service.post(request({}), 'Ana Costa', 'lead')).toEqual({
      ok: false,
      code: 'forbidden',
      issues: ['audience: a lead may post only to the queue groups they own (Ana Costa: social); every screen or whole offices need the manager role'],
    });
    expect(service.post(request({ audience: { kind: 'groups', groupIds: ['social', 'partners'] } }), 'Ana Costa', 'lead')).toEqual({
      ok: false,
      code: 'forbidden',
      issues: ['audience.groupIds[1]: Ana Costa does not own the queue group "partners" (owners: Bram de Vries); a manager may post to it'],
    });
    const own = service.post(request({ audience: { kind: 'groups', groupIds: ['social'] } }), 'Ana Costa', 'lead');
    expect(own).toMatchObject({ ok: true, broadcast: { id: 'b1', postedBy: 'Ana Costa', queueIds: ['lis-x'], state: 'active', startsAt: T0 } });
    expect(service.post(request({ audience: { kind: 'offices', officeIds: ['amsterdam'] } }), 'Marta Silva', 'manager')).toMatchObject({ ok: true, broadcast: { queueIds: ['ams-phone'] } });
    // Another lead cannot end what reaches a group they do not own.
    expect(service.end('b1', 'Bram de Vries', 'lead')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(service.end('b1', 'Ana Costa', 'lead')).toMatchObject({ ok: true, broadcast: { state: 'ended' } });
    expect(service.end('b1', 'Ana Costa', 'lead')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('audits post, edit and end with who, when, before and after, and sends the list at once', () => {
    const { service, store, time, sent } = setUp(mkdtempSync(join(tmpdir(), 'qb-broadcasts-')));
    service.post(request({ text: { pt: 'Telefones em baixo', nl: 'Telefoons liggen eruit' } }), 'Marta Silva', 'manager');
    time.advance(MIN);
    const edited = service.edit({ broadcastId: 'b1', severity: 'warning', endsAt: T0 + 60 * MIN }, 'Marta Silva', 'manager');
    expect(edited).toMatchObject({ ok: true, broadcast: { severity: 'warning', startsAt: T0, edited: { by: 'Marta Silva', at: T0 + MIN } } });
    time.advance(MIN);
    service.end('b1', 'Marta Silva', 'manager');
    const audit = store!.audit.list({ limit: 10 }).reverse();
    expect(audit.map((e) => [e.action, e.actor, e.at, e.subject])).toEqual([
      ['broadcast.post', 'Marta Silva', T0, 'broadcast b1'],
      ['broadcast.edit', 'Marta Silva', T0 + MIN, 'broadcast b1'],
      ['broadcast.end', 'Marta Silva', T0 + 2 * MIN, 'broadcast b1'],
    ]);
    expect(audit[1]).toMatchObject({ before: { severity: 'critical', endsAt: T0 + 30 * MIN }, after: { severity: 'warning', endsAt: T0 + 60 * MIN } });
    expect(audit[2]).toMatchObject({ before: { severity: 'warning' }, after: { endedAt: T0 + 2 * MIN } });
    expect(sent.map((list) => list.broadcasts.map((b) => b.severity))).toEqual([['critical'], ['warning'], []]);
  });

  it('an edit is checked like a post: an end moved before now is refused and nothing changes', () => {
    const { service, time } = setUp();
    service.post(request({}), 'Marta Silva', 'manager');
    time.advance(10 * MIN);
    expect(service.edit({ broadcastId: 'b1', endsAt: T0 + 5 * MIN }, 'Marta Silva', 'manager')).toMatchObject({
      ok: false, issues: ["endsAt: must not be in the past (the gateway's clock reads 2026-12-07T09:10:00.000Z)"],
    });
    expect(service.edit({ broadcastId: 'nope', severity: 'info' }, 'Marta Silva', 'manager')).toMatchObject({ ok: false, code: 'not-found' });
    expect(service.current()[0]).toMatchObject({ endsAt: T0 + 30 * MIN, edited: null });
  });

  it('starts and ends on the gateway clock, and a wall-clock step ends none of them', () => {
    const { service, time, sent } = setUp();
    service.post(request({ startsAt: T0 + 10 * MIN, endsAt: T0 + 20 * MIN }), 'Marta Silva', 'manager');
    expect(service.current()[0]!.state).toBe('scheduled');
    // NTP steps the wall clock a day ahead: the broadcast is still to start in ten minutes, not over.
    time.stepWall(86_400_000);
    time.advance(5 * MIN);
    expect(service.current().map((b) => b.state)).toEqual(['scheduled']);
    time.advance(5 * MIN);
    expect(service.current().map((b) => b.state)).toEqual(['active']);
    time.advance(10 * MIN - 1000);
    expect(service.current().map((b) => b.state)).toEqual(['active']);
    time.advance(1000);
    expect(service.current()).toEqual([]);
    expect(sent.map((list) => list.broadcasts.map((b) => b.state))).toEqual([['scheduled'], ['active'], []]);
  });

  it('survives a restart, and one whose end passed while the gateway was down expires at start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-broadcasts-'));
    const first = setUp(dataDir);
    first.service.post(request({ endsAt: T0 + 30 * MIN, text: 'short' }), 'Marta Silva', 'manager');
    first.service.post(request({ endsAt: T0 + 90 * MIN, text: 'long' }), 'Marta Silva', 'manager');
    first.service.stop();
    first.store!.close();

    const again = setUp(dataDir, new FakeTime(T0 + 60 * MIN));
    expect(again.service.current().map((b) => [b.id, b.text, b.state])).toEqual([['b2', 'long', 'active']]);
    again.time.advance(30 * MIN);
    expect(again.service.current()).toEqual([]);
    again.service.stop();
    again.store!.close();
    expect(setUp(dataDir, new FakeTime(T0 + 100 * MIN)).service.current()).toEqual([]);
  });
});

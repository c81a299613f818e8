import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatewayConfigSchema } from '../../server/config/config-schema';
import { hashKey } from '../../server/ingest/ingest-keys';
import type { OutboundEventInput } from '../../server/notify/outbound-event';
import { resolveWebhookTargets } from '../../server/notify/webhook-targets';
import { createLogger, silentLogger } from '../../server/runtime/logger';
import { openStore } from '../../server/store';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { gatewayHarness } from '../support/fake-time-gateway';
import { startJsonReceiver, startSlackReceiver, startTeamsReceiver, type FakeReceiver } from '../support/fake-webhook-receivers';
import { nextEvent } from '../support/gateway-harness';
import { lisbonQueue, oneOfficeConfig } from '../support/one-office';

const SECRET = `whsec_${Buffer.from('queueboard-test-signing-secret-32b').toString('base64')}`;
const KEY = 'webhooks-ingest-key';
const harness = gatewayHarness();
const receivers: FakeReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiversUp(slackToken?: string, teamsSig?: string) {
  const [json, slack, teams] = await Promise.all([startJsonReceiver(SECRET), startSlackReceiver(slackToken), startTeamsReceiver(teamsSig)]);
  receivers.push(json, slack, teams);
  return { json, slack, teams };
}

/** A gateway whose three targets take every event of warning and above; URLs and the secret come from its environment. */
async function gatewayWith(env: Record<string, string>, dataDir = mkdtempSync(join(tmpdir(), 'qb-webhooks-'))) {
  const lines: string[] = [];
  const config = GatewayConfigSchema.parse({
    ...oneOfficeConfig([lisbonQueue({ staleAfterSeconds: 3600, names: { pt: 'Conversa' } })]),
    groups: [{ id: 'care', name: 'Care', teams: ['Care'] }],
    ingest: { keys: [{ sourceId: 'crm', sha256: hashKey(KEY) }] },
    auth: { tokens: [{ name: 'Marta Silva', role: 'manager', sha256: hashKey('marta-token') }, { name: 'Ana Costa', role: 'lead', sha256: hashKey('ana-token') }] },
    webhooks: {
      targets: [
        { id: 'ops-json', format: 'json', urlEnv: 'QB_JSON_URL', secretEnv: 'QB_JSON_SECRET', routes: [{ minSeverity: 'warning' }] },
        { id: 'care-slack', format: 'slack', urlEnv: 'QB_SLACK_URL', routes: [{ groups: ['care'], minSeverity: 'warning' }] },
        { id: 'lisbon-teams', format: 'teams', urlEnv: 'QB_TEAMS_URL', language: 'pt', routes: [{ minSeverity: 'warning' }] },
      ],
      retry: { maxAttempts: 3, initialDelaySeconds: 0.02, maxDelaySeconds: 0.1 },
      timeoutSeconds: 2,
    },
  });
  const resolved = resolveWebhookTargets(config.webhooks, env);
  expect(resolved.problems).toEqual([]);
  const started = await harness.start({
    config,
    time: new FakeTime(Date.UTC(2026, 11, 7, 10)),
    dataDir,
    webhookTargets: resolved.targets,
    logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
  });
  return { ...started, lines };
}

const envFor = ({ json, slack, teams }: { json: FakeReceiver; slack: FakeReceiver; teams: FakeReceiver }) => ({ QB_JSON_URL: json.url, QB_JSON_SECRET: SECRET, QB_SLACK_URL: slack.url, QB_TEAMS_URL: teams.url });

const criticalAlert = (id: string, at: number): OutboundEventInput => ({
  id, kind: 'alert', severity: 'critical', at, queueIds: ['chat'],
  alert: { id: `alert-${id}`, queueId: 'chat', alertKind: 'threshold', metric: 'backlog', level: 'critical', value: 180, threshold: 150 },
});

/** A field of what a receiver parsed, by its path: `dig(body, 'blocks', 0, 'text')`. */
const dig = (value: unknown, ...path: Array<string | number>): unknown => path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);

describe('outbound webhooks against local receivers that speak each format', () => {
  it('an alert that opens reaches all three: signed JSON verified by Webhook.verify, Slack Block Kit, a Teams Adaptive Card in Portuguese', async () => {
    const up = await receiversUp();
    const { url, time, gateway } = await gatewayWith(envFor(up));
    // Chat backlog critical is 150 by default, held for the 2-minute pending period.
    const response = await fetch(`${url}/api/v1/queues/chat/readings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ at: time.now(), backlog: 180, readingId: 'r1' }) });
    expect(response.status).toBe(200);
    time.advance(122_000);
    await vi.waitFor(() => expect(up.json.accepted.length + up.slack.accepted.length + up.teams.accepted.length).toBe(3), { timeout: 5000 });

    const [json] = up.json.accepted;
    expect(json).toMatchObject({ type: 'queueboard.alert', data: { kind: 'alert', severity: 'critical', queueIds: ['chat'], alert: { queueId: 'chat', alertKind: 'threshold', metric: 'backlog', level: 'critical', value: 180, threshold: 150 } } });
    expect(up.json.requests[0]!.headers['webhook-id']).toBe(dig(json, 'data', 'id'));
    expect(up.json.requests[0]!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const slack = up.slack.accepted[0];
    expect(dig(slack, 'blocks', 0)).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Critical: Backlog in Chat', emoji: true } });
    expect(dig(slack, 'blocks', 1, 'text', 'text')).toBe(':red_circle: Backlog is 180; the Critical level is 150.');
    expect(dig(slack, 'text')).toBe('Critical: Backlog in Chat — Backlog is 180; the Critical level is 150.');

    const card = dig(up.teams.accepted[0], 'attachments', 0, 'content');
    expect(dig(card, 'version')).toBe('1.4');
    expect(dig(card, 'body', 0)).toMatchObject({ type: 'TextBlock', text: 'Crítico: Pendentes em Conversa', color: 'Attention' });
    expect(dig(card, 'body', 2, 'facts')).toContainEqual({ title: 'Escritório', value: 'Lisbon' });
    // Counted when the answer is back at the gateway, a moment after the receiver took the body.
    await vi.waitFor(() => expect(gateway.metricsText()).toContain('queueboard_webhook_attempts_total{result="delivered",target="ops-json"} 1'));
  });

  it("keeps within each receiver's rules, which refuse what Slack and Teams refuse", async () => {
    const up = await receiversUp();
    const post = (receiver: FakeReceiver, body: unknown) => fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const slackAnswer = await post(up.slack, { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x'.repeat(151) } }] });
    expect([slackAnswer.status, await slackAnswer.text()]).toEqual([400, 'invalid_blocks']);
    const teamsAnswer = await post(up.teams, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.teams.card.o365connector', content: {} }] });
    expect([teamsAnswer.status, await teamsAnswer.text()]).toEqual([400, expect.stringContaining('TriggerInputSchemaMismatch')]);
    expect(await (await post(up.json, { data: 1 })).text()).toBe('signature refused: Missing required headers');

    // A 200-character incident title and a long broadcast: clipped to Block Kit's limits, so Slack takes them.
    const { gateway } = await gatewayWith(envFor(up));
    gateway.notifier.notify({ id: 'i-long', kind: 'incident', severity: 'critical', at: Date.now(), incident: { id: 'i1', action: 'opened', title: 'T'.repeat(200), by: 'Marta Silva' } });
    gateway.notifier.notify({ id: 'b-long', kind: 'broadcast', severity: 'warning', at: Date.now(), groupIds: ['care'], broadcast: { id: 'b1', action: 'posted', text: 'B'.repeat(2000), by: 'Marta Silva', endsAt: null } });
    await vi.waitFor(() => expect([up.json, up.slack, up.teams].map((r) => r.accepted.length)).toEqual([2, 2, 2]), { timeout: 5000 });
    expect(up.slack.requests.map((r) => r.status)).toEqual([400, 200, 200]);
    expect(up.teams.requests.map((r) => r.status)).toEqual([400, 202, 202]);
  });

  it('retries 429 after its Retry-After (seconds, HTTP date) and 5xx with backoff, then delivers', async () => {
    const up = await receiversUp();
    up.slack.script({ status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } }, { status: 500, body: 'rollup_error' });
    up.teams.script({ status: 429, body: '{"error":{"code":"TooManyRequests"}}', headers: () => ({ 'retry-after': new Date(Date.now() + 2500).toUTCString() }) });
    up.json.script({ status: 503, body: 'try later' }, { status: 502, body: 'bad gateway' });
    const { gateway } = await gatewayWith(envFor(up));
    gateway.notifier.notify(criticalAlert('e-retry', Date.now()));
    await vi.waitFor(() => expect([up.json, up.slack, up.teams].map((r) => r.accepted.length)).toEqual([1, 1, 1]), { timeout: 6000 });

    expect(up.slack.requests.map((r) => r.status)).toEqual([429, 500, 200]);
    expect(up.slack.requests[1]!.at - up.slack.requests[0]!.at).toBeGreaterThanOrEqual(990);
    expect(up.teams.requests.map((r) => r.status)).toEqual([429, 202]);
    // An HTTP date 2.5 s ahead, in whole seconds: between 1.5 and 2.5 s waited.
    expect(up.teams.requests[1]!.at - up.teams.requests[0]!.at).toBeGreaterThanOrEqual(1400);
    expect(up.json.requests.map((r) => r.status)).toEqual([503, 502, 204]);
    // The same event id on every attempt, each signed afresh (and verified on the last).
    expect(new Set(up.json.requests.map((r) => r.headers['webhook-id']))).toEqual(new Set(['e-retry']));
    expect(gateway.metricsText()).toContain('queueboard_webhook_attempts_total{result="retry",target="care-slack"} 2');
  });

  it('gives up into the dead-letter list (attempts spent, or refused at once), which managers read and retry over the socket, and which survives a restart', async () => {
    const up = await receiversUp();
    // Slack's webhook was revoked (no_service), Teams' signature is wrong, the JSON receiver keeps failing.
    const env = { ...envFor(up), QB_SLACK_URL: up.slack.url.replace(/[^/]+$/, 'revoked-token'), QB_TEAMS_URL: up.teams.url.replace(/sig=.*$/, 'sig=wrong') };
    up.json.script(...Array.from({ length: 3 }, () => ({ status: 500, body: 'internal error' })));
    const dataDir = mkdtempSync(join(tmpdir(), 'qb-webhooks-'));
    const { gateway, url } = await gatewayWith(env, dataDir);
    gateway.notifier.notify(criticalAlert('e-dead', Date.now()));
    await vi.waitFor(() => expect(gateway.notifier.deadLetterList(10).total).toBe(3), { timeout: 5000 });

    const manager = harness.connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'marta-token' });
    const lead = harness.connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'ana-token' });
    await Promise.all([nextEvent(manager, 'snapshot'), nextEvent(lead, 'snapshot')]);
    expect(await lead.emitWithAck('webhooks:dead-letters', {})).toMatchObject({ ok: false, code: 'forbidden' });
    const listed = await manager.emitWithAck('webhooks:dead-letters', { limit: 10 });
    expect(listed.ok && listed.entries.map((e) => [e.targetId, e.attempts, e.lastError]).sort()).toEqual([
      ['care-slack', 1, 'HTTP 404: no_service'],
      ['lisbon-teams', 1, expect.stringMatching(/^HTTP 401: .*DirectApiInvalidAuthorizationScheme/)],
      ['ops-json', 3, 'HTTP 500: internal error'],
    ]);
    // The JSON receiver is well again: a retry delivers, and the entry leaves the list.
    const jsonEntry = listed.ok ? listed.entries.find((e) => e.targetId === 'ops-json')! : null;
    expect(await manager.emitWithAck('webhooks:retry', { id: jsonEntry!.id })).toEqual({ ok: true, targetId: 'ops-json' });
    await vi.waitFor(() => expect(up.json.accepted).toHaveLength(1), { timeout: 3000 });
    const slackEntry = listed.ok ? listed.entries.find((e) => e.targetId === 'care-slack')! : null;
    expect(await manager.emitWithAck('webhooks:delete', { id: slackEntry!.id })).toEqual({ ok: true, targetId: 'care-slack' });
    expect(await manager.emitWithAck('webhooks:delete', { id: slackEntry!.id })).toMatchObject({ ok: false, code: 'not-found' });
    expect(gateway.metricsText()).toContain('queueboard_webhook_dead_letters 1');
    expect(gateway.metricsText()).toContain('queueboard_webhook_dead_lettered_total{reason="refused",target="care-slack"} 1');

    // The list is in the store (migration 9): after a restart the Teams entry is still there.
    harness.sockets.splice(0).forEach((socket) => socket.disconnect());
    await harness.gateways.splice(0)[0]!.close();
    const store = openStore({ dataDir, clock: new FakeTime(Date.UTC(2026, 11, 7, 11)), logger: silentLogger });
    expect(store.deadLetters.list(10).map((d) => [d.targetId, d.event.id, d.lastError.slice(0, 8)])).toEqual([['lisbon-teams', 'e-dead', 'HTTP 401']]);
    store.close();
  });

  it('never writes a URL credential or the secret to the log or the dead-letter list, even when a receiver echoes them', async () => {
    const up = await receiversUp('xoxb-never-log-this-token', 'never-log-this-sig');
    up.json.script(...Array.from({ length: 3 }, () => ({ status: 500, body: `failed for ${up.json.url} signed with ${SECRET}` })));
    up.slack.script({ status: 429, body: `rate_limited ${up.slack.url}`, headers: { 'retry-after': '0' } });
    const { gateway, lines } = await gatewayWith(envFor(up));
    gateway.notifier.notify(criticalAlert('e-secret', Date.now()));
    await vi.waitFor(() => expect(gateway.notifier.deadLetterList(10).total).toBe(1), { timeout: 5000 });
    await vi.waitFor(() => expect(up.slack.accepted).toHaveLength(1), { timeout: 3000 });

    const logged = lines.join('\n');
    expect(logged).toContain('webhook delivery failed: retrying');
    expect(logged).toContain('host="http://127.0.0.1:');
    const stored = JSON.stringify(gateway.notifier.deadLetterList(10));
    for (const secret of [SECRET, SECRET.slice('whsec_'.length), 'xoxb-never-log-this-token', 'never-log-this-sig', '/hooks/queueboard']) {
      expect(logged).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });
});

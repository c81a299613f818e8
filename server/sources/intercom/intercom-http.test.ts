import { describe, expect, it } from 'vitest';
import { startConnector } from '../../../tests/support/connector-harness';
import { sendJson, type Route } from '../../../tests/support/fake-helpdesk';
import { IntercomConnectionSchema } from './intercom-config';
import { createIntercomSource } from './intercom-source';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const TOKEN = 'intercom-secret-token-42';
const empty = { type: 'conversation.list', total_count: 0, pages: { type: 'pages', page: 1, per_page: 150, total_pages: 0, next: null }, conversations: [] };

function setup(route: Route, apiVersion = '2.11') {
  return startConnector({
    now: NOW,
    route,
    create: (baseUrl, capabilities) =>
      createIntercomSource({
        ...capabilities,
        connection: IntercomConnectionSchema.parse({ id: 'intercom-eu', kind: 'intercom', baseUrl, token: TOKEN, apiVersion }),
        queues: [{ id: 'ic-vip', source: { kind: 'intercom', connection: 'intercom-eu', teamId: '42' } }],
      }),
  });
}

describe('Intercom over HTTP', () => {
  it('reads X-RateLimit-Limit per 10-second window, as Intercom documents it', async () => {
    // 4 requests per 10 s; the connection's default share (0.5) is 2 per 10 s. A poll makes 3 searches.
    const headers = (at: number) => ({ 'x-ratelimit-limit': 4, 'x-ratelimit-remaining': 3, 'x-ratelimit-reset': Math.floor(at / 1000) + 10 });
    const { helpdesk, waits } = await setup((req, res) => sendJson(res, 200, empty, headers(req.at)));
    expect(helpdesk.requests).toHaveLength(3);
    expect(waits).toEqual([10_000]);
    expect(helpdesk.requests[2]!.at - helpdesk.requests[0]!.at).toBe(10_000);
  });

  it('shows Intercom’s own error text for a 400, such as an unsupported Intercom-Version', async () => {
    const { statuses, poll, logger } = await setup((req, res) =>
      sendJson(res, 400, {
        type: 'error.list',
        request_id: 'r1',
        errors: [{ code: 'intercom_version_invalid', message: `Requested version ${String(req.headers['intercom-version'])} is not valid for ${String(req.headers.authorization)}` }],
      }),
      '9.99',
    );
    for (let i = 0; i < 5 && statuses.length === 0; i++) await poll();
    const said = 'answered 400: “Requested version 9.99 is not valid for Bearer ';
    expect(statuses[0]).toEqual({ state: 'down', queueIds: ['ic-vip'], reason: expect.stringContaining(`Intercom ${said}`) });
    expect(logger.lines.join('\n')).toContain(said);
    expect(logger.lines.join('\n') + JSON.stringify(statuses)).not.toContain(TOKEN);
  });
});

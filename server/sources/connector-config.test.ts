import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeTime } from '../../tests/support/fake-time';
import { capturingLogger } from '../../tests/support/fake-helpdesk';
import { ConfigError, parseConfigText } from '../config/load-config';
import { createConnectorSources } from './create-connector-sources';

afterEach(() => vi.unstubAllEnvs());

const head = `
version: 1
offices: [{ id: lisbon, name: Lisbon, timeZone: Europe/Lisbon, locale: pt-PT }]
`;
const queue = (id: string, source: string) => `  - { id: ${id}, name: ${id}, officeId: lisbon, channel: email, team: { name: A, kind: in-house }, source: ${source} }\n`;

const good = `${head}
queues:
${queue('zd-billing', '{ kind: zendesk, connection: main-zendesk, groupId: 360001, channel: email, brandId: 7 }')}${queue('zd-vip', '{ kind: zendesk, connection: main-zendesk, groupId: 360002 }')}${queue('fd-returns', '{ kind: freshdesk, connection: fd, groupId: 5 }')}${queue('ic-chat', '{ kind: intercom, connection: ic, teamId: "42" }')}
connectors:
  - { id: main-zendesk, kind: zendesk, subdomain: acme, email: ops@acme.test, tokenEnv: ZENDESK_TOKEN, pollSeconds: 30, maxBudgetShare: 0.25 }
  - { id: fd, kind: freshdesk, domain: acme, tokenEnv: FRESHDESK_API_KEY }
  - { id: ic, kind: intercom, baseUrl: "https://api.eu.intercom.io", token: inline-token-123 }
  - { id: spare, kind: zendesk, subdomain: other, tokenEnv: ZENDESK_TOKEN }
`;

const problemsOf = (text: string): readonly string[] => {
  try {
    parseConfigText(text, 'gateway.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('connectors in the configuration', () => {
  it('accepts connections with defaults and queues that name them', () => {
    vi.stubEnv('ZENDESK_TOKEN', 'zendesk-token-value');
    vi.stubEnv('FRESHDESK_API_KEY', 'freshdesk-key-value');
    const config = parseConfigText(good, 'gateway.yaml');
    expect(config.connectors[0]).toMatchObject({ id: 'main-zendesk', pollSeconds: 30, maxBudgetShare: 0.25, timeoutMs: 10_000, backfillHours: 24 });
    expect(config.connectors[1]).toMatchObject({ kind: 'freshdesk', pollSeconds: 60, maxBudgetShare: 0.5 });
    expect(config.queues[3]!.source).toEqual({ kind: 'intercom', connection: 'ic', teamId: '42' });
    expect(parseConfigText(`${head}queues:\n${queue('p', '{ kind: push }')}`, 'x.yaml').connectors).toEqual([]);
  });

  it('accepts the commented connectors example of docs/config.example.yaml once uncommented', () => {
    vi.stubEnv('ZENDESK_TOKEN', 'zendesk-token-value');
    vi.stubEnv('FRESHDESK_API_KEY', 'freshdesk-key-value');
    vi.stubEnv('INTERCOM_TOKEN', 'intercom-token-value');
    const example = readFileSync(new URL('../../docs/config.example.yaml', import.meta.url), 'utf8');
    const block = example.slice(example.indexOf('# connectors:')).replace(/^# ?/gm, '');
    const queues = `queues:
${queue('z', '{ kind: zendesk, connection: acme-zendesk, groupId: 360001234567, channel: email }')}${queue('f', '{ kind: freshdesk, connection: acme-freshdesk, groupId: 43000123456 }')}${queue('i', '{ kind: intercom, connection: acme-intercom, teamId: "5017691" }')}`;
    const config = parseConfigText(`${head}${queues}${block}`, 'gateway.yaml');
    expect(config.connectors.map((c) => [c.id, c.kind, c.maxBudgetShare])).toEqual([
      ['acme-zendesk', 'zendesk', 0.5],
      ['acme-freshdesk', 'freshdesk', 0.5],
      ['acme-intercom', 'intercom', 0.5],
    ]);
  });

  it('names each bad field and the rule: unset variables, unknown or mismatched connections, bad limits', () => {
    vi.stubEnv('ZENDESK_TOKEN', '');
    const text = `${head}
queues:
${queue('a', '{ kind: zendesk, connection: main-zd, groupId: 1 }')}${queue('b', '{ kind: zendesk, connection: fd, groupId: 1 }')}${queue('c', '{ kind: freshdesk, connection: fd, groupId: -3 }')}
connectors:
  - { id: main-zendesk, kind: zendesk, subdomain: acme, tokenEnv: ZENDESK_TOKEN }
  - { id: fd, kind: freshdesk, domain: acme, token: long-enough-token, maxBudgetShare: 1.5 }
  - { id: ic, kind: intercom }
  - { id: fd, kind: zendesk, token: long-enough-token, tokenEnv: X }
`;
    expect(problemsOf(text)).toEqual(
      expect.arrayContaining([
        'connectors[0].tokenEnv: environment variable ZENDESK_TOKEN is not set',
        'connectors[1].maxBudgetShare: must be at most 1',
        'connectors[2].tokenEnv: is required: name the environment variable holding the API token (or give token)',
        'connectors[3].token: give token or tokenEnv, not both',
        'connectors[3].subdomain: is required (or give baseUrl)',
        'queues[2].source.groupId: must be a Freshdesk group id',
      ]),
    );
    const references = `${head}
queues:
${queue('a', '{ kind: zendesk, connection: main-zd, groupId: 1 }')}${queue('b', '{ kind: zendesk, connection: fd, groupId: 1 }')}
connectors:
  - { id: main-zendesk, kind: zendesk, subdomain: acme, token: long-enough-token }
  - { id: fd, kind: freshdesk, domain: acme, token: long-enough-token }
  - { id: fd, kind: freshdesk, domain: other, token: long-enough-token }
`;
    expect(problemsOf(references)).toEqual([
      'connectors[2].id: duplicates id "fd"',
      'queues[0].source.connection: names connection "main-zd", which is not among the connectors (main-zendesk, fd)',
      'queues[1].source.connection: names connection "fd", which is freshdesk, not zendesk',
    ]);
  });

  it('refuses a baseUrl over plain http unless it is a loopback address: the token would travel in clear', () => {
    const connectors = (urls: readonly string[]) =>
      `${head}queues:\n${queue('p', '{ kind: push }')}connectors:\n${urls.map((url, i) => `  - { id: c${i}, kind: intercom, baseUrl: "${url}", token: long-enough-token }\n`).join('')}`;
    const loopback = ['http://127.0.0.1:8080', 'http://127.8.9.10/api', 'http://localhost:3000', 'http://[::1]:4000', 'http://[::ffff:127.0.0.1]', 'https://api.eu.intercom.io'];
    expect(parseConfigText(connectors(loopback), 'gateway.yaml').connectors.map((c) => c.baseUrl)).toEqual(loopback);
    const rule = 'must use https:// (http:// is allowed only for loopback addresses such as 127.0.0.1 or localhost)';
    expect(problemsOf(connectors(['https://api.intercom.io', 'http://api.eu.intercom.io', 'http://10.0.0.7:8080', 'http://127.0.0.1.example.com', 'ftp://127.0.0.1']))).toEqual([
      `connectors[1].baseUrl: ${rule}`,
      `connectors[2].baseUrl: ${rule}`,
      `connectors[3].baseUrl: ${rule}`,
      'connectors[4].baseUrl: must be an http(s) URL',
    ]);
  });

  it('makes one durable polled source per connection that feeds a queue, polling at its interval', () => {
    vi.stubEnv('ZENDESK_TOKEN', 'zendesk-token-value');
    vi.stubEnv('FRESHDESK_API_KEY', 'freshdesk-key-value');
    const config = parseConfigText(good, 'gateway.yaml');
    const time = new FakeTime(Date.UTC(2026, 10, 24));
    const logger = capturingLogger();
    const fetch = vi.fn(async () => new Response('{}', { status: 503 }));
    const sources = createConnectorSources(config, { fetch, clock: time, scheduler: time, sleep: async () => {}, random: () => 0, logger, env: process.env });
    expect(sources.map((s) => [s.id, s.durable, s.expectedIntervalMs])).toEqual([
      ['main-zendesk', true, 30_000],
      ['fd', true, 60_000],
      ['ic', true, 60_000],
    ]);
    expect(logger.lines.join('\n')).toMatch(/feeds no queue.*"connection":"spare"/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile } from '../../server/config/load-config';
import { createConnectorSources } from '../../server/sources/create-connector-sources';
import { capturingLogger, fakeSleep, sendJson, startFakeHelpdesk } from '../support/fake-helpdesk';
import { FakeTime } from '../support/fake-time';

const TOKEN = 'zd-cleartext-token-0123456789';
const RULE = 'must use https:// (http:// is allowed only for loopback addresses such as 127.0.0.1 or localhost)';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A gateway configuration file with one Zendesk queue per connector, each connector at the given base URL. */
async function configFile(baseUrls: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qb-connector-tls-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'gateway.json');
  const connectors = baseUrls.map((baseUrl, i) => ({ id: `zd${i}`, kind: 'zendesk', baseUrl, email: 'ops@acme.test', token: TOKEN }));
  const queues = baseUrls.map((_url, i) => ({
    id: `q${i}`, name: `Queue ${i}`, officeId: 'lisbon', channel: 'email', team: { name: 'Care', kind: 'in-house' },
    source: { kind: 'zendesk', connection: `zd${i}`, groupId: 100 },
  }));
  const offices = [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }];
  await writeFile(file, JSON.stringify({ version: 1, offices, queues, connectors }));
  return file;
}

describe('attack: a helpdesk token sent in clear over the network', () => {
  it('refuses a connector baseUrl with http:// to a host off this machine when the configuration loads, naming the field', async () => {
    const file = await configFile(['https://acme.zendesk.com', 'http://zendesk-proxy.acme.internal', 'http://10.20.30.40:8080']);
    const error = await loadConfigFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([`connectors[1].baseUrl: ${RULE}`, `connectors[2].baseUrl: ${RULE}`]);
  });

  it('still polls a helpdesk on loopback over plain http (127.0.0.1 and localhost), as tests and local proxies do', async () => {
    const helpdesk = await startFakeHelpdesk((_req, res) => sendJson(res, 200, { count: 1, tickets: [], after_cursor: null, end_of_stream: true, ticket_metric_events: [] }));
    cleanups.push(helpdesk.close);
    const config = await loadConfigFile(await configFile([helpdesk.baseUrl, helpdesk.baseUrl.replace('127.0.0.1', 'localhost')]));
    const time = new FakeTime(Date.UTC(2026, 10, 24, 9));
    const logger = capturingLogger();
    const sources = createConnectorSources(config, { fetch: (url, init) => fetch(url, init), clock: time, scheduler: time, sleep: fakeSleep(time).sleep, random: () => 0, logger, env: {} });
    for (const source of sources) source.start({ events: () => {}, reading: () => {}, status: () => {} });
    cleanups.push(async () => sources.forEach((s) => s.stop()));
    await Promise.all(sources.map((s) => s.settled()));
    const searches = helpdesk.requests.filter((r) => r.url.pathname === '/api/v2/search/count');
    expect(searches).toHaveLength(2);
    expect(searches.map((r) => r.headers.host?.split(':')[0])).toEqual(['127.0.0.1', 'localhost']);
  });
});

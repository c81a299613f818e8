import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfigText } from './load-config';
import { resolveQueueGroups } from './queue-groups';
import { demoConfig } from './demo-config';
import { GatewayConfigSchema } from './config-schema';

const problemsOf = (text: string, file = 'gateway.yaml'): readonly string[] => {
  try {
    parseConfigText(text, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration file', () => {
  it('accepts the documented example and the built-in demo', async () => {
    const example = await loadConfigFile(new URL('../../docs/config.example.yaml', import.meta.url).pathname);
    expect(example.queues.map((q) => q.id)).toEqual(['lis-chat-pt', 'lis-email-es', 'ams-phone-nl']);
    expect(example.demo).toEqual({ seed: 7, tickMs: 1000 });
    expect(example.queues.map((q) => q.source?.kind)).toEqual(['demo', 'push', 'push']);
    expect(example.windows).toEqual({ firstResponseMinutes: 60, resolutionHours: 24, flowMinutes: 60, csatDays: 7 });
    expect(example.ingest.keys).toHaveLength(1);
    expect(GatewayConfigSchema.safeParse(demoConfig()).success).toBe(true);
  });

  it('reads JSON files as JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qb-config-'));
    const file = join(dir, 'gateway.json');
    // Without the demo's own tokens and ingest key, which a configuration file may not reuse (below), nor the group owners who hold them.
    const demo = demoConfig(3);
    const groups = demo.groups.map((group) => ({ ...group, owners: [] }));
    await writeFile(file, JSON.stringify({ ...demo, groups, auth: { ...demo.auth, tokens: [] }, ingest: { ...demo.ingest, keys: [] } }));
    expect((await loadConfigFile(file)).demo?.seed).toBe(3);
  });

  it('names each bad field and the rule it breaks', () => {
    const text = `
version: 1
offices:
  - { id: lisbon, name: Lisbon, timeZone: Europe/Lisboa, locale: pt-PT }
queues:
  - { id: chat, name: Chat, officeId: lisbon, channel: pigeon, team: { name: A, kind: in-house } }
  - { id: chat, name: Chat 2, officeId: porto, channel: chat, team: { name: A, kind: vendor } }
  - { id: Bad Id, name: "", officeId: lisbon, channel: chat, team: { name: A, kind: partner } }
`;
    const problems = problemsOf(text);
    expect(problems).toEqual(
      expect.arrayContaining([
        'offices[0].timeZone: must be an IANA time zone such as Europe/Lisbon',
        expect.stringMatching(/^queues\[0\]\.channel: .*email/),
        expect.stringMatching(/^queues\[1\]\.team\.kind: /),
        expect.stringMatching(/^queues\[2\]\.id: must be a lowercase slug/),
        expect.stringMatching(/^queues\[2\]\.name: /),
      ]),
    );
  });

  it('checks references and duplicates across the file', () => {
    const config = demoConfig();
    // The demo's ingest key names every demo queue: without it, only the two planted problems remain.
    config.ingest = { ...config.ingest, keys: [] };
    config.queues[1] = { ...config.queues[1]!, id: config.queues[0]!.id };
    config.queues[2] = { ...config.queues[2]!, officeId: 'porto' };
    expect(problemsOf(JSON.stringify(config), 'x.json')).toEqual([
      `queues[1].id: duplicates id "${config.queues[0]!.id}"`,
      'queues[2].officeId: names office "porto", which is not among the offices (lisbon, amsterdam)',
    ]);
  });

  it('resolves queue groups by queue, channel or team, and names every bad reference and empty group', () => {
    const config = demoConfig();
    expect(resolveQueueGroups(config.groups, config.queues).map((g) => [g.id, g.queueIds])).toEqual([
      ['social', ['lis-trustpilot', 'lis-facebook', 'lis-instagram', 'ams-x', 'ams-linkedin']],
      ['partners', ['lis-email-es', 'lis-instagram', 'ams-email-de', 'ams-chat-de']],
    ]);
    const bad = {
      ...config,
      groups: [
        { id: 'vip', name: 'VIP', queues: ['lis-chat-pt', 'lis-vip'], teams: ['Lisbon Care', 'Tejo'] },
        { id: 'vip', name: 'Again', channels: ['chat'] },
        { id: 'nothing', name: 'Nothing' },
        { id: 'empty', name: 'Empty', queues: ['nowhere'] },
      ],
    };
    expect(problemsOf(JSON.stringify(bad), 'x.json')).toEqual([
      'groups[2]: must say which queues it holds: queues, channels or teams (any of them)',
      'groups[0].queues[1]: names queue "lis-vip", which is not among the queues',
      'groups[0].teams[1]: names team "Tejo", which no queue has (teams: Lisbon Care, Tagus Contact, Social Care, Amsterdam Care, Rhine Support, Social Desk)',
      'groups[1].id: duplicates id "vip"',
      'groups[3].queues[0]: names queue "nowhere", which is not among the queues',
      'groups[3]: holds no queue: its rule matches none of the configured queues',
    ]);
  });

  it('names a group owner who holds no token, or only a display one', () => {
    const config = demoConfig();
    expect(resolveQueueGroups(config.groups, config.queues).map((g) => [g.id, g.owners])).toEqual([
      ['social', ['Ana Costa']],
      ['partners', ['Bram de Vries']],
    ]);
    const bad = { ...config, groups: [{ id: 'vip', name: 'VIP', queues: ['lis-chat-pt'], owners: ['Ana Costa', 'Ana Costta', 'Lisbon floor screen'] }] };
    expect(problemsOf(JSON.stringify(bad), 'x.json')).toEqual([
      'groups[0].owners[1]: names "Ana Costta", who holds no token (auth.tokens names: Lisbon floor screen, Ana Costa, Bram de Vries, Marta Silva)',
      'groups[0].owners[2]: names "Lisbon floor screen", whose token has the display role: an owner needs a lead token to post to the group',
    ]);
  });

  it('checks sources, targets and ingest keys', () => {
    const withoutDemo = JSON.parse(JSON.stringify(demoConfig()));
    delete withoutDemo.demo;
    // A parsed configuration names every queue's source: leave only the first one's, as a file would.
    for (const queue of withoutDemo.queues) delete queue.source;
    withoutDemo.queues[0].source = { kind: 'demo' };
    expect(problemsOf(JSON.stringify(withoutDemo), 'x.json')).toEqual(['queues[0].source: is demo, but the file has no demo section']);

    const config = JSON.parse(JSON.stringify(demoConfig()));
    config.queues[1].source = { kind: 'servicenow' };
    config.queues[2].targets = { firstResponseSeconds: -5 };
    config.ingest = { keys: [{ sourceId: 'crm', sha256: 'secret' }] };
    expect(problemsOf(JSON.stringify(config), 'x.json')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^queues\[1\]\.source\.kind: /),
        'queues[2].targets.firstResponseSeconds: must be more than 0 seconds',
        'ingest.keys[0].sha256: must be the hex sha256 of the key (64 characters 0-9a-f)',
      ]),
    );
  });

  it('refuses the demo’s tokens and ingest key in a configuration file, naming each field (issue 15)', async () => {
    const sha = (secret: string) => createHash('sha256').update(secret).digest('hex');
    const mine = sha('a-token-of-our-own-0123456789');
    const text = `
version: 1
offices: [{ id: lisbon, name: Lisbon, timeZone: Europe/Lisbon, locale: pt-PT }]
queues: [{ id: lis-chat, name: Chat, officeId: lisbon, channel: chat, team: { name: Care, kind: in-house } }]
ingest:
  keys: [{ sourceId: crm, sha256: ${sha('demo-ingest-key')} }]
auth:
  tokens:
    - { name: Own, role: lead, sha256: ${mine} }
    - { name: Boss, role: manager, sha256: ${sha('demo-manager-token')} }
`;
    expect(problemsOf(text)).toEqual([
      'auth.tokens[1].sha256: is the sha256 of the built-in demo\'s manager token "demo-manager-token", which the README prints for anyone to read; make a token of your own (e.g. openssl rand -hex 32)',
      'ingest.keys[0].sha256: is the sha256 of the built-in demo\'s ingest key "demo-ingest-key", which the README prints for anyone to read; make a key of your own (e.g. openssl rand -hex 32)',
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'qb-config-'));
    await writeFile(join(dir, 'gateway.yaml'), text);
    await expect(loadConfigFile(join(dir, 'gateway.yaml'))).rejects.toThrow(/is not valid:\n {2}- auth\.tokens\[1\]\.sha256: is the sha256 of the built-in demo's manager token/);
    expect(parseConfigText(text.replace(sha('demo-manager-token'), sha('another-token-of-ours-98765')).replace(sha('demo-ingest-key'), sha('an-ingest-key-of-ours-12345')), 'gateway.yaml').auth.tokens[0]?.sha256).toBe(mine);
  });

  it('refuses unknown keys, a wrong version, broken syntax and a missing file', async () => {
    expect(problemsOf('version: 1\noffices: []\nqueues: []\nsourcse: {}\n')).toEqual(
      expect.arrayContaining([expect.stringMatching(/sourcse/), 'offices: must list at least one office']),
    );
    expect(problemsOf('version: 2\noffices: []\nqueues: []\n')).toContain('version: must be 1');
    expect(problemsOf('{ "version": 1, ', 'broken.json')[0]).toMatch(/^is not valid JSON: /);
    expect(problemsOf('offices: [\n', 'broken.yaml')[0]).toMatch(/^is not valid YAML: /);
    await expect(loadConfigFile('/nonexistent/queueboard.yaml')).rejects.toThrow(/cannot be read: ENOENT/);
  });
});

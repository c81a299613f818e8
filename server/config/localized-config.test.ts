import { describe, expect, it } from 'vitest';
import { CONFIG_VERSION, GatewayConfigSchema } from './config-schema';
import { engineOptionsFor } from '../metrics/engine-options';
import { resolveQueueGroups } from './queue-groups';

const team = { name: 'Care', kind: 'in-house' } as const;
const base = (queues: unknown[], offices: unknown[] = [{ id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' }]) => ({
  version: CONFIG_VERSION,
  offices,
  queues,
});
const issues = (input: unknown) => {
  const result = GatewayConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('percentile windows per queue', () => {
  it('follow the channel when the queue names none: an hour for chat and phone, a rolling day for email and social', () => {
    const config = GatewayConfigSchema.parse(
      base(['chat', 'phone', 'email', 'trustpilot'].map((channel) => ({ id: `q-${channel}`, name: channel, officeId: 'lisbon', channel, team }))),
    );
    expect(config.queues.map((q) => q.windows)).toEqual([
      { firstResponse: 60, resolution: 1440 },
      { firstResponse: 60, resolution: 1440 },
      { firstResponse: 1440, resolution: 1440 },
      { firstResponse: 1440, resolution: 1440 },
    ]);
  });

  it('take the queue’s own, "today" or rolling minutes, and reach the engine with the office’s time zone', () => {
    const config = GatewayConfigSchema.parse({
      ...base([{ id: 'q', name: 'Email', officeId: 'lisbon', channel: 'email', team, windows: { firstResponse: 'today', resolution: 120 } }]),
      windows: { firstResponseMinutes: 30, resolutionHours: 12, flowMinutes: 60 },
    });
    expect(config.queues[0]!.windows).toEqual({ firstResponse: 'today', resolution: 120 });
    expect(engineOptionsFor(config).queues[0]).toMatchObject({ windows: { firstResponse: 'today', resolution: 120 }, timeZone: 'Europe/Lisbon' });
  });

  it('refuse a window that is neither "today" nor whole minutes, naming the field', () => {
    const queue = (windows: unknown) => base([{ id: 'q', name: 'Email', officeId: 'lisbon', channel: 'email', team, windows }]);
    const rule = 'must be "today" (the office\'s day so far) or a whole number of minutes from 1 to 10080 (7 days)';
    expect(issues(queue({ firstResponse: 0 }))).toEqual([`queues.0.windows.firstResponse: ${rule}`]);
    expect(issues(queue({ resolution: 1.5 }))).toEqual([`queues.0.windows.resolution: ${rule}`]);
    expect(issues(queue({ firstResponse: 'yesterday' }))).toEqual([`queues.0.windows.firstResponse: ${rule}`]);
    expect(issues(queue({ flow: 5 })).some((i) => i.startsWith('queues.0.windows'))).toBe(true);
  });
});

describe('names in the office’s language', () => {
  it('accept a plain string or translations, giving screens the English (else the first) as name', () => {
    const config = GatewayConfigSchema.parse(
      base(
        [
          { id: 'a', name: 'Chat', officeId: 'lisbon', channel: 'chat', team },
          { id: 'b', name: { en: 'Email Spain', pt: 'Email Espanha', nl: 'E-mail Spanje' }, officeId: 'lisbon', channel: 'email', team },
          { id: 'c', name: { pt: 'Telefone' }, officeId: 'lisbon', channel: 'phone', team },
        ],
        [{ id: 'lisbon', name: { en: 'Lisbon', pt: 'Lisboa', nl: 'Lissabon' }, timeZone: 'Europe/Lisbon', locale: 'pt-PT' }],
      ),
    );
    expect(config.offices[0]).toMatchObject({ name: 'Lisbon', names: { en: 'Lisbon', pt: 'Lisboa', nl: 'Lissabon' } });
    expect(config.queues.map((q) => [q.name, q.names])).toEqual([
      ['Chat', undefined],
      ['Email Spain', { en: 'Email Spain', pt: 'Email Espanha', nl: 'E-mail Spanje' }],
      ['Telefone', { pt: 'Telefone' }],
    ]);
  });

  it('refuse an empty translation set or an unknown language, naming the field', () => {
    const queue = (name: unknown) => base([{ id: 'q', name, officeId: 'lisbon', channel: 'chat', team }]);
    expect(issues(queue({})).some((i) => i.startsWith('queues.0.name'))).toBe(true);
    expect(issues(queue({ fr: 'Discussion' })).some((i) => i.startsWith('queues.0.name'))).toBe(true);
    expect(issues(queue({ en: '' })).some((i) => i.startsWith('queues.0.name'))).toBe(true);
  });
});

describe('team names in the office’s language', () => {
  const withTeam = (teamName: unknown, groups: unknown[] = []) =>
    ({ ...base([{ id: 'q', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: teamName, kind: 'in-house' } }]), groups }) as never;

  it('accept translations like a queue name; rules name the team by its English (else first) name', () => {
    const config = GatewayConfigSchema.parse(withTeam({ en: 'Lisbon Care', pt: 'Apoio Lisboa' }, [{ id: 'care', name: 'Care', teams: ['Lisbon Care'] }]));
    expect(config.queues[0]!.team).toEqual({ name: 'Lisbon Care', names: { en: 'Lisbon Care', pt: 'Apoio Lisboa' }, kind: 'in-house' });
    expect(resolveQueueGroups(config.groups, config.queues).map((g) => g.queueIds)).toEqual([['q']]);
    expect(GatewayConfigSchema.parse(withTeam('Lisbon Care')).queues[0]!.team).toEqual({ name: 'Lisbon Care', kind: 'in-house' });
  });

  it('refuse an empty translation set, an unknown language or an unknown field, naming it', () => {
    expect(issues(withTeam({})).some((i) => i.startsWith('queues.0.team.name'))).toBe(true);
    expect(issues(withTeam({ fr: 'Soin' })).some((i) => i.startsWith('queues.0.team.name'))).toBe(true);
    const extra = { ...base([{ id: 'q', name: 'Chat', officeId: 'lisbon', channel: 'chat', team: { name: 'A', kind: 'in-house', colour: 'red' } }]) };
    expect(issues(extra as never).some((i) => i.startsWith('queues.0.team'))).toBe(true);
  });
});

describe('the demo', () => {
  it('names its in-house teams in en, pt and nl; partners keep their firm\'s name', async () => {
    const { demoConfig } = await import('./demo-config');
    const teams = new Map(demoConfig().queues.map((q) => [q.team.name, q.team]));
    for (const team of teams.values()) {
      if (team.kind === 'partner') expect(team.names, team.name).toBeUndefined();
      else expect(Object.keys(team.names ?? {}).sort(), team.name).toEqual(['en', 'nl', 'pt']);
    }
    expect(teams.get('Lisbon Care')?.names?.pt).toBe('Apoio Lisboa');
  });

  it('names every office and queue in en, pt and nl (a brand is its own name in every language)', async () => {
    const { demoConfig } = await import('./demo-config');
    const config = demoConfig();
    const brands = ['Facebook', 'Instagram', 'X', 'LinkedIn'];
    for (const named of [...config.offices, ...config.queues].filter((n) => !brands.includes(n.name))) {
      expect(Object.keys(named.names ?? {}).sort(), named.name).toEqual(['en', 'nl', 'pt']);
    }
    expect(config.offices.map((o) => o.names?.pt)).toEqual(['Lisboa', 'Amesterdão']);
  });

  it('reads back the same once parsed (a parsed file is a valid file), names and windows included', async () => {
    const { demoConfig } = await import('./demo-config');
    const config = demoConfig();
    expect(GatewayConfigSchema.parse(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseWith } from '../../shared/protocol/validation';
import { LISBON_OFFICE, lisbonQueue, oneOfficeConfig } from '../../tests/support/one-office';
import { resolveWebhookTargets, redactedUrl } from '../notify/webhook-targets';
import { GatewayConfigSchema } from './config-schema';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const groups = [{ id: 'social', name: 'Social', channels: ['chat'] }];
const problems = (webhooks: unknown, rest: Record<string, unknown> = {}) => {
  const parsed = parseWith(GatewayConfigSchema, oneOfficeConfig([lisbonQueue()], { groups, webhooks, ...rest }));
  return parsed.ok ? [] : parsed.issues;
};
const target = (over: Record<string, unknown>) => ({ id: 'ops', format: 'json', url: 'https://hooks.example.com/qb', secretEnv: 'QB_SECRET', routes: [{}], ...over });

describe('webhooks configuration', () => {
  it('accepts the three formats with defaults: critical only, English, 500 waiting, 8 attempts', () => {
    const parsed = parseWith(GatewayConfigSchema, oneOfficeConfig([lisbonQueue()], {
      groups,
      webhooks: { targets: [target({}), { id: 'slack', format: 'slack', urlEnv: 'QB_SLACK_URL', routes: [{ groups: ['social'], minSeverity: 'warning' }] }, { id: 'teams', format: 'teams', urlEnv: 'QB_TEAMS_URL', routes: [{ kinds: ['incident'] }], quietHours: { start: '22:00', end: '07:00' } }] },
    }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [json, slack] = parsed.value.webhooks.targets;
    expect(json).toMatchObject({ language: 'en', queueSize: 500, routes: [{ minSeverity: 'critical' }] });
    expect(slack?.routes).toEqual([{ groups: ['social'], minSeverity: 'warning' }]);
    expect(parsed.value.webhooks.retry).toEqual({ maxAttempts: 8, initialDelaySeconds: 1, maxDelaySeconds: 300 });
    expect(parseWith(GatewayConfigSchema, oneOfficeConfig()).ok && parseWith(GatewayConfigSchema, oneOfficeConfig())).toMatchObject({ value: { webhooks: { targets: [] } } });
  });

  it('names each bad field and the rule', () => {
    expect(problems({ targets: [target({ format: 'xml' })] })).toEqual([expect.stringMatching(/^webhooks\.targets\[0\]\.format: .*"json"\|"slack"\|"teams"/)]);
    expect(problems({ targets: [target({ url: 'ftp://x' })] })).toEqual(['webhooks.targets[0].url: must be an http:// or https:// URL']);
    expect(problems({ targets: [target({ secretEnv: undefined })] })).toEqual([expect.stringMatching(/^webhooks\.targets\[0\]\.secretEnv: is required for json/)]);
    expect(problems({ targets: [target({ secretEnv: 'whsec_abc=' })] })).toEqual([expect.stringMatching(/^webhooks\.targets\[0\]\.secretEnv: must be the name of an environment variable/)]);
    expect(problems({ targets: [target({ format: 'slack', secretEnv: undefined })] })).toEqual([expect.stringMatching(/^webhooks\.targets\[0\]\.url: must not be in the file: a slack webhook URL is its credential/)]);
    expect(problems({ targets: [target({ format: 'teams', url: undefined, secretEnv: undefined })] })).toEqual([expect.stringMatching(/^webhooks\.targets\[0\]\.urlEnv: is required/)]);
    expect(problems({ targets: [target({ routes: [{ groups: ['nope'], minSeverity: 'loud' }] })] })).toEqual([expect.stringMatching(/^webhooks\.targets\[0\]\.routes\[0\]\.minSeverity: .*"info"\|"warning"\|"critical"/)]);
    expect(problems({ targets: [target({ routes: [{ groups: ['nope'] }] })] })).toEqual(['webhooks.targets[0].routes[0].groups[0]: names group "nope", which is not among the groups (social)']);
    expect(problems({ targets: [target({ routes: [] })] })).toEqual(['webhooks.targets[0].routes: must list at least one route']);
    expect(problems({ targets: [target({}), target({})] })).toEqual(['webhooks.targets[1].id: duplicates id "ops"']);
  });

  it('checks quiet hours with the HH:MM rule, and the office whose time zone they are in', () => {
    expect(problems({ targets: [target({ quietHours: { start: '7:00', end: '24:00' } })] })).toEqual([
      'webhooks.targets[0].quietHours.start: must be a 24-hour time HH:MM, e.g. 22:00',
      'webhooks.targets[0].quietHours.end: must be a 24-hour time HH:MM, e.g. 22:00',
    ]);
    expect(problems({ targets: [target({ quietHours: { start: '22:00', end: '22:00' } })] })).toEqual([expect.stringMatching(/^webhooks\.targets\[0\]\.quietHours\.end: start and end must differ/)]);
    expect(problems({ targets: [target({ quietHours: { start: '22:00', end: '07:00', officeId: 'porto' } })] })).toEqual([expect.stringMatching(/quietHours\.officeId: names office "porto"/)]);
    const twoOffices = { offices: [LISBON_OFFICE, { id: 'amsterdam', name: 'Amsterdam', timeZone: 'Europe/Amsterdam', locale: 'nl-NL' }] };
    expect(problems({ targets: [target({ quietHours: { start: '22:00', end: '07:00' } })] }, twoOffices)).toEqual([
      'webhooks.targets[0].quietHours.officeId: is required with more than one office: whose time zone are the hours in? (lisbon, amsterdam)',
    ]);
  });
});

describe("the README's webhooks example", () => {
  it('is a valid configuration, and the variables it names are all it needs', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Outbound notifications'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const parsed = parseWith(GatewayConfigSchema, oneOfficeConfig([lisbonQueue()], { groups, ...parseYaml(yaml) }));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    const env = { QB_OPS_WEBHOOK_SECRET: SECRET, QB_SLACK_SOCIAL_URL: 'https://hooks.slack.com/services/T/B/x', QB_TEAMS_LISBON_URL: 'https://example.logic.azure.com/workflows/1?sig=x' };
    expect(resolveWebhookTargets(parsed.value.webhooks, env).problems).toEqual([]);
  });
});

describe('webhook secrets from the environment', () => {
  const settings = (targets: unknown[]) => {
    const parsed = GatewayConfigSchema.parse(oneOfficeConfig([lisbonQueue()], { webhooks: { targets } }));
    return parsed.webhooks;
  };

  it('reads the URL and secret, and names a missing or malformed variable without its value', () => {
    const slackUrl = 'https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX';
    const ok = resolveWebhookTargets(settings([target({}), { id: 'slack', format: 'slack', urlEnv: 'QB_SLACK', routes: [{}] }]), { QB_SECRET: SECRET, QB_SLACK: slackUrl });
    expect(ok.problems).toEqual([]);
    expect(ok.targets.map((t) => [t.id, t.url, t.secret])).toEqual([['ops', 'https://hooks.example.com/qb', SECRET], ['slack', slackUrl, null]]);

    const bad = resolveWebhookTargets(settings([target({}), { id: 'slack', format: 'slack', urlEnv: 'QB_SLACK', routes: [{}] }]), { QB_SECRET: 'whsec_c2hvcnQ=', QB_SLACK: 'hooks.slack.com/XXXXSECRETXXXX' });
    expect(bad.problems).toEqual([
      'webhooks.targets[0].secretEnv: the environment variable QB_SECRET must hold 24 to 64 bytes of secret (it holds 5)',
      'webhooks.targets[1].urlEnv: the environment variable QB_SLACK does not hold an http:// or https:// URL',
    ]);
    expect(bad.problems.join('\n')).not.toContain('XXXXSECRETXXXX');
    expect(resolveWebhookTargets(settings([target({})]), {}).problems).toEqual(['webhooks.targets[0].secretEnv: the environment variable QB_SECRET is not set']);
  });

  it('shows only scheme and host of an address', () => {
    expect(redactedUrl('https://hooks.slack.com/services/T000/B000/XXXX')).toBe('https://hooks.slack.com/…');
    expect(redactedUrl('https://prod.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=XXXX')).toBe('https://prod.westeurope.logic.azure.com/…');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GatewayConfigSchema } from './config-schema';
import { demoConfig } from './demo-config';
import { parseConfigText } from './load-config';

describe('office holidays in the configuration', () => {
  it('are dates per office, none by default', () => {
    const demo = demoConfig();
    expect(demo.offices.map((o) => o.holidays)).toEqual([[], []]);
    const parsed = GatewayConfigSchema.parse({ ...demo, offices: [{ ...demo.offices[0]!, holidays: ['2026-12-25', '2027-01-01'] }, demo.offices[1]!] });
    expect(parsed.offices[0]!.holidays).toEqual(['2026-12-25', '2027-01-01']);
  });

  it('are read from YAML as written, unquoted (docs/config.example.yaml)', () => {
    const example = parseConfigText(readFileSync(new URL('../../docs/config.example.yaml', import.meta.url), 'utf8'), 'config.example.yaml');
    expect(example.offices.find((o) => o.id === 'lisbon')!.holidays).toEqual(['2026-12-25', '2027-01-01']);
  });

  it('refuses what is not a date, naming the field and the form', () => {
    const demo = demoConfig();
    const result = GatewayConfigSchema.safeParse({ ...demo, offices: [{ ...demo.offices[0]!, holidays: ['25/12/2026', '2026-02-30'] }, demo.offices[1]!] });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'offices.0.holidays.0: must be a date as YYYY-MM-DD, e.g. 2026-12-25',
      'offices.0.holidays.1: must be a date as YYYY-MM-DD, e.g. 2026-12-25',
    ]);
  });
});

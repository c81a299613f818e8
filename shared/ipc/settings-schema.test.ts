import { describe, expect, it } from 'vitest';
import { AppSettingsPatchSchema, AppSettingsSchema, SaveSettingsResultSchema, type AppSettings } from './ipc-contract';

const valid: AppSettings = {
  gatewayUrl: 'https://gw.example:8443',
  token: 'dsp_3f9a-LISBON.wall~01',
  officeId: 'lisbon',
  groupId: null,
  mode: 'wall',
  display: 1,
  language: 'pt-PT',
  startAtLogin: null,
  allowInsecure: false,
};

describe('AppSettingsSchema', () => {
  it('accepts a complete set of settings', () => {
    expect(AppSettingsSchema.parse(valid)).toEqual(valid);
  });

  it.each(['en', 'pt-PT', 'nl', 'zh-Hant-TW', 'de-CH'])('accepts the language tag %s', (language) => {
    expect(AppSettingsSchema.shape.language.safeParse(language).success).toBe(true);
  });

  it.each(['', 'english', 'pt_PT', 'x', '12'])('refuses the language tag %j', (language) => {
    expect(AppSettingsSchema.shape.language.safeParse(language).success).toBe(false);
  });

  it.each(['has space', 'tab\there', 'ümlaut', 'x'.repeat(4097)])('refuses the token %j', (token) => {
    expect(AppSettingsSchema.shape.token.safeParse(token).success).toBe(false);
  });

  it('refuses a setting it does not know', () => {
    expect(AppSettingsSchema.safeParse({ ...valid, colour: 'red' }).success).toBe(false);
  });
});

describe('AppSettingsPatchSchema', () => {
  it('accepts any subset, and still refuses unknown names', () => {
    expect(AppSettingsPatchSchema.parse({ display: null })).toEqual({ display: null });
    expect(AppSettingsPatchSchema.parse({})).toEqual({});
    expect(AppSettingsPatchSchema.safeParse({ displays: 2 }).success).toBe(false);
  });
});

describe('SaveSettingsResultSchema', () => {
  it('needs at least one issue when the save is refused', () => {
    expect(SaveSettingsResultSchema.safeParse({ ok: false, issues: [] }).success).toBe(false);
    expect(SaveSettingsResultSchema.safeParse({ ok: false, issues: ['display: must be …'] }).success).toBe(true);
  });
});

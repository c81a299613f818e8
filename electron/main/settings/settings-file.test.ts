import { describe, expect, it } from 'vitest';
import { AppSettingsSchema } from '../../../shared/ipc/ipc-contract';
import { checkSetting, DEFAULT_SETTINGS, describeJsonError, parseSettingsFile, serializeSettings, type StoredSettings } from './settings-file';

const stored: StoredSettings = {
  gatewayUrl: 'https://gw.example',
  token: { safeStorage: 'djExAQID' },
  officeId: 'lisbon',
  groupId: null,
  mode: 'wall',
  display: 1,
  language: 'pt-PT',
  startAtLogin: true,
  allowInsecure: false,
};

function jsonErrorOf(text: string): Error {
  try {
    JSON.parse(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected invalid JSON');
}

describe('the defaults', () => {
  it('are valid settings: desk mode, local gateway, no token, start at login decided by the mode', () => {
    expect(AppSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ mode: 'desk', gatewayUrl: 'http://127.0.0.1:4310', token: '', startAtLogin: null });
  });
});

describe('checkSetting', () => {
  it.each([
    ['gatewayUrl', 'ftp://gw', 'gatewayUrl: must be an http:// or https:// URL such as http://127.0.0.1:4310'],
    ['mode', 'kiosk', 'mode: must be wall or desk'],
    ['display', '2', 'display: must be a whole number from 0 (the primary display) to 15, or null (the OS chooses)'],
    ['officeId', 'Lisbon', 'officeId: must be an office id such as lisbon: lowercase a-z, 0-9 and "-", or null (every office)'],
    ['language', 'portuguese', "language: must be a language tag such as en, pt-PT or nl, or null (the office's locale)"],
    ['startAtLogin', 'yes', 'startAtLogin: must be true or false, or null (on in wall mode only)'],
    ['token', 'two words', 'token: must be printable ASCII without spaces, at most 4096 characters'],
    ['gatewayURL', 'http://gw', 'gatewayURL: is not a setting; the settings are gatewayUrl, token, officeId, groupId, mode, display, language, startAtLogin, allowInsecure'],
  ])('names %s and says what is allowed', (name, value, issue) => {
    expect(checkSetting(name, value)).toEqual({ ok: false, issue });
  });

  it('passes a good value through', () => {
    expect(checkSetting('display', 3)).toEqual({ ok: true, value: 3 });
  });
});

describe('parseSettingsFile', () => {
  it('reads back what serializeSettings wrote', () => {
    expect(parseSettingsFile(serializeSettings(stored))).toEqual({ readable: true, stored, issues: [] });
    expect(JSON.parse(serializeSettings(stored))).toMatchObject({ version: 1 });
  });

  it('gives missing settings their default without complaint', () => {
    expect(parseSettingsFile('{"version":1,"mode":"wall"}')).toEqual({
      readable: true,
      stored: { ...DEFAULT_SETTINGS, token: null, mode: 'wall' },
      issues: [],
    });
  });

  it('falls back to the default for each bad value, naming each, and keeps the good ones', () => {
    const text = JSON.stringify({ version: 1, gatewayUrl: 'https://gw.example', display: 'two', colour: 'red', token: 'clear' });
    expect(parseSettingsFile(text)).toEqual({
      readable: true,
      stored: { ...DEFAULT_SETTINGS, token: null, gatewayUrl: 'https://gw.example' },
      issues: [
        expect.stringMatching(/^display: must be a whole number/),
        expect.stringMatching(/^colour: is not a setting/),
        expect.stringMatching(/^token: must be null, \{"safeStorage"/),
      ],
    });
  });

  it('refuses plain http:// to another host unless allowInsecure is on: the default gateway is used, the field named (issue 15)', () => {
    const insecure = { version: 1, gatewayUrl: 'http://10.0.0.5:4310', mode: 'wall' };
    expect(parseSettingsFile(JSON.stringify(insecure))).toEqual({
      readable: true,
      stored: { ...DEFAULT_SETTINGS, token: null, mode: 'wall' },
      issues: [expect.stringMatching(/^gatewayUrl: http:\/\/10\.0\.0\.5:4310 is plain http:\/\/ to a gateway off this machine, so the token would travel in clear/)],
    });
    expect(parseSettingsFile(JSON.stringify({ ...insecure, allowInsecure: true }))).toMatchObject({
      stored: { gatewayUrl: 'http://10.0.0.5:4310', allowInsecure: true },
      issues: [],
    });
    expect(parseSettingsFile(JSON.stringify({ ...insecure, allowInsecure: 'yes' }))).toMatchObject({
      stored: { gatewayUrl: DEFAULT_SETTINGS.gatewayUrl, allowInsecure: false },
      issues: ['allowInsecure: must be true or false', expect.stringMatching(/^gatewayUrl: http:/)],
    });
  });

  it.each([
    ['', 'the file is empty'],
    ['  \n', 'the file is empty'],
    ['{"version":1,\n"mode": "wall",\n"display" 2}', "line 3, column 11: Unexpected number"],
    ['{"version":1,"mode":', 'Unexpected end of JSON input'],
    ['[1,2]', 'it does not hold a JSON object'],
    ['null', 'it does not hold a JSON object'],
    ['{"version":2}', 'its version is 2; this Queueboard reads version 1'],
    ['{"mode":"wall"}', 'its version is undefined; this Queueboard reads version 1'],
  ])('calls %j unreadable: %s', (text, reason) => {
    expect(parseSettingsFile(text)).toEqual({ readable: false, reason: expect.stringContaining(reason) });
  });
});

describe('describeJsonError', () => {
  it('turns a position into a line and column', () => {
    const text = '{\n  "a": 1,\n  x\n}';
    expect(describeJsonError(text, jsonErrorOf(text))).toMatch(/^line 3, column 3: /);
  });

  it('drops V8’s own line and column suffix (Node 22) in favour of the same words', () => {
    expect(describeJsonError('{\n x}', new Error("Expected property name or '}' in JSON at position 3 (line 2 column 2)"))).toBe(
      "line 2, column 2: Expected property name or '}'",
    );
  });
});

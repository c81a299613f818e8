import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from './origin-policy';

const request = (headers: Record<string, string>, encrypted = false) => ({ headers: { host: 'gateway:4310', ...headers }, socket: { encrypted } }) as unknown as IncomingMessage;

describe('createOriginPolicy', () => {
  const check = createOriginPolicy(['http://wall-dev:5173']);

  it("allows the gateway's own origin (by Host and scheme), the app's and configured ones", () => {
    expect(check(request({ origin: 'http://gateway:4310' }))).toEqual({ ok: true, from: 'browser' });
    expect(check(request({ origin: 'https://gateway:4310' }, true))).toEqual({ ok: true, from: 'browser' });
    expect(check(request({ origin: 'app://queueboard' }))).toEqual({ ok: true, from: 'browser' });
    expect(check(request({ origin: 'http://wall-dev:5173' }))).toEqual({ ok: true, from: 'browser' });
  });

  it('refuses other origins, a plain-http origin on a TLS gateway, and the opaque "null" origin', () => {
    for (const [origin, encrypted] of [['http://evil.example', false], ['http://gateway:4310', true], ['null', false]] as const) {
      expect(check(request({ origin }, encrypted))).toMatchObject({ ok: false, code: 'origin-not-allowed', origin });
    }
  });

  it('tells a same-origin browser request without Origin from a script, and refuses a cross-site one', () => {
    expect(check(request({ 'sec-fetch-site': 'same-origin' }))).toEqual({ ok: true, from: 'browser' });
    expect(check(request({}))).toEqual({ ok: true, from: 'script' });
    expect(check(request({ 'sec-fetch-site': 'cross-site' }))).toMatchObject({ ok: false, origin: '(none, from a cross-site page)' });
  });
});

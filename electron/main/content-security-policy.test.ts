import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './content-security-policy';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d]));

describe('buildContentSecurityPolicy', () => {
  it('allows the page itself and the gateway over http and ws, nothing else', () => {
    const policy = buildContentSecurityPolicy('http://127.0.0.1:4310');
    expect(directives(policy)).toEqual({
      'default-src': "default-src 'none'",
      'script-src': "script-src 'self'",
      'style-src': "style-src 'self'",
      'font-src': "font-src 'self'",
      'img-src': "img-src 'self' data:",
      'connect-src': "connect-src 'self' http://127.0.0.1:4310 ws://127.0.0.1:4310",
      'base-uri': "base-uri 'none'",
      'form-action': "form-action 'none'",
      'frame-ancestors': "frame-ancestors 'none'",
      'object-src': "object-src 'none'",
    });
  });

  it('uses wss for an https gateway, and the origin only (no path, default port dropped)', () => {
    const policy = buildContentSecurityPolicy('https://gateway.example:443/queueboard/?x=1');
    expect(directives(policy)['connect-src']).toBe("connect-src 'self' https://gateway.example wss://gateway.example");
  });

  it('keeps a non-default port in both forms', () => {
    const policy = buildContentSecurityPolicy('https://gw.example:8443');
    expect(directives(policy)['connect-src']).toBe("connect-src 'self' https://gw.example:8443 wss://gw.example:8443");
  });

  it('never allows inline or eval scripts', () => {
    expect(buildContentSecurityPolicy('http://gw:4310')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d]));

describe('contentSecurityPolicy', () => {
  it('is the same policy for the gateway and the app, down to object-src, except where the page may connect', () => {
    const web = directives(contentSecurityPolicy());
    const app = directives(contentSecurityPolicy(['http://gw:4310', 'ws://gw:4310']));
    expect(web['object-src']).toBe("object-src 'none'");
    expect(web['connect-src']).toBe("connect-src 'self'");
    expect(app['connect-src']).toBe("connect-src 'self' http://gw:4310 ws://gw:4310");
    expect({ ...app, 'connect-src': null }).toEqual({ ...web, 'connect-src': null });
  });

  it('never allows inline or eval scripts, or any origin by wildcard', () => {
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

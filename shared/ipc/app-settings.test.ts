import { describe, expect, it } from 'vitest';
import { crossSettingIssues, insecureGatewayReason } from './app-settings';

describe('insecureGatewayReason: the token travels in clear only to this machine (issue 15)', () => {
  it.each(['http://127.0.0.1:4310', 'http://127.9.8.7', 'http://127.1', 'http://localhost:4310', 'http://LOCALHOST/', 'http://[::1]:4310', 'https://gw.example', 'https://10.0.0.5:8443'])(
    'lets %s through',
    (url) => expect(insecureGatewayReason(url, false)).toBeNull(),
  );

  // Hosts as a browser reads them: userinfo and backslashes cannot smuggle a loopback name in.
  it.each(['http://10.0.0.5:4310', 'http://gw.example', 'http://localhost@evil.example', 'http://evil.example\\@localhost', 'http://127.0.0.1.evil.example', 'http://[::2]'])(
    'refuses %s, saying what to do',
    (url) => expect(insecureGatewayReason(url, false)).toMatch(/is plain http:\/\/ to a gateway off this machine, so the token would travel in clear: use https:\/\/ .*"allowInsecure": true in settings\.json/),
  );

  it('lets anything through with allowInsecure on, and leaves a value that is not a URL to the gatewayUrl rule', () => {
    expect(insecureGatewayReason('http://10.0.0.5:4310', true)).toBeNull();
    expect(insecureGatewayReason('gw.example:4310', false)).toBeNull();
  });

  it('names the field in the cross-setting issues main and the pane show', () => {
    expect(crossSettingIssues({ gatewayUrl: 'http://gw.example', allowInsecure: false })).toEqual([expect.stringMatching(/^gatewayUrl: http:\/\/gw\.example is plain/)]);
    expect(crossSettingIssues({ gatewayUrl: 'http://gw.example', allowInsecure: true })).toEqual([]);
  });
});

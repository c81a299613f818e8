import { describe, expect, it } from 'vitest';
import { resolveScreenOptions } from './launch-options';

const browserWindow = (href: string, extra: Record<string, unknown> = {}) => {
  const url = new URL(href);
  return { location: { origin: url.origin, search: url.search }, ...extra } as unknown as Window;
};

describe('resolveScreenOptions', () => {
  it('in a browser, talks to the origin it was served from and reads the office from the address', async () => {
    expect(await resolveScreenOptions(browserWindow('http://wall-01:4310/?office=lisbon'))).toEqual({
      gatewayUrl: 'http://wall-01:4310',
      officeId: 'lisbon',
      client: 'web',
    });
    expect((await resolveScreenOptions(browserWindow('http://wall-01:4310/'))).officeId).toBeNull();
  });

  it('ignores an office that is not a valid id', async () => {
    expect((await resolveScreenOptions(browserWindow('http://x/?office=<script>'))).officeId).toBeNull();
  });

  it('inside Electron, takes the gateway and office from the preload bridge', async () => {
    const bridge = {
      getLaunchOptions: async () => ({ gatewayUrl: 'http://10.0.0.5:4310', mode: 'wall', officeId: 'amsterdam', display: 1 }),
    };
    expect(await resolveScreenOptions(browserWindow('app://queueboard/index.html', { queueboard: bridge }))).toEqual({
      gatewayUrl: 'http://10.0.0.5:4310',
      officeId: 'amsterdam',
      client: 'wall',
    });
  });
});

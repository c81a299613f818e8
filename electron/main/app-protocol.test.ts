import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler, registerAppScheme, resolveInside } from './app-protocol';

const root = resolve('/srv/queueboard/dist/renderer');
const files = new Map<string, string>([
  [join(root, 'index.html'), '<!doctype html><title>Queueboard</title>'],
  [join(root, 'assets', 'index-1a2b.js'), 'console.log(1)'],
  [join(root, 'assets', 'index-1a2b.css'), 'body{}'],
  [join(root, 'assets', 'inter.woff2'), 'font'],
  [join(root, 'assets', 'logo.svg'), '<svg/>'],
  [join(root, 'data.bin'), 'raw'],
  [resolve(root, '..', 'secret.txt'), 'outside the renderer folder'],
  [resolve('/etc/passwd'), 'root:x:0:0'],
]);

function serve(readFile?: (path: string) => Promise<Uint8Array<ArrayBuffer>>) {
  const reads: string[] = [];
  const errors: string[] = [];
  const handler = createAppRequestHandler({
    rendererDir: root,
    gatewayUrl: 'http://127.0.0.1:4310',
    logError: (m) => errors.push(m),
    readFile:
      readFile ??
      (async (path) => {
        reads.push(path);
        const content = files.get(path);
        if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return new TextEncoder().encode(content);
      }),
  });
  const get = (url: string, method = 'GET') => handler({ url, method });
  return { get, reads, errors };
}

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetchable', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });
});

describe('the app:// request handler', () => {
  it.each([
    ['app://queueboard/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Queueboard</title>'],
    ['app://queueboard/', 'text/html; charset=utf-8', '<!doctype html><title>Queueboard</title>'],
    ['app://queueboard/index.html?office=lisbon#top', 'text/html; charset=utf-8', '<!doctype html><title>Queueboard</title>'],
    ['app://queueboard/assets/index-1a2b.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://queueboard/assets/index-1a2b.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://queueboard/assets/inter.woff2', 'font/woff2', 'font'],
    ['app://queueboard/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://queueboard/data.bin', 'application/octet-stream', 'raw'],
  ])('serves %s as %s', async (url, contentType, body) => {
    const response = await serve().get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it('sends the Content-Security-Policy that allows the gateway', async () => {
    const response = await serve().get('app://queueboard/index.html');
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://127.0.0.1:4310 ws://127.0.0.1:4310",
    );
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers HEAD without a body', async () => {
    const response = await serve().get('app://queueboard/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('40');
    expect(await response.text()).toBe('');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serve().get('app://queueboard/index.html', 'POST')).status).toBe(405);
  });

  it('answers 404 for a missing file, naming it', async () => {
    const response = await serve().get('app://queueboard/assets/gone.js');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found: /assets/gone.js');
  });

  it('says how to build the renderer when index.html is missing', async () => {
    const { get } = serve(async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    });
    const response = await get('app://queueboard/index.html');
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/not built .*npm run build:renderer/);
  });

  it('answers 500 and logs when a file cannot be read for another reason', async () => {
    const { get, errors } = serve(async () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect((await get('app://queueboard/index.html')).status).toBe(500);
    expect(errors).toEqual([expect.stringMatching(/^Could not read .*index\.html for app:\/\/queueboard\/index\.html: EACCES/)]);
  });

  it.each([
    'app://queueboard/..%2fsecret.txt',
    'app://queueboard/%2e%2e%2fsecret.txt',
    'app://queueboard/assets/..%2F..%2F..%2Fsecret.txt',
    'app://queueboard/%2Fetc%2Fpasswd',
    'app://queueboard/..%5csecret.txt',
    'app://queueboard/C:%5Cwindows%5Cwin.ini',
    'app://queueboard/index.html%00.png',
    'app://queueboard/%E0%A4%A',
  ])('refuses %s with 403 and never reads outside the folder', async (url) => {
    const { get, reads } = serve();
    expect((await get(url)).status).toBe(403);
    expect(reads).toEqual([]);
  });

  it.each(['app://queueboard/../secret.txt', 'app://queueboard/%2e%2e/secret.txt', 'app://queueboard//etc/passwd'])(
    'keeps %s inside the folder (the URL parser folds the dots away)',
    async (url) => {
      const { get, reads } = serve();
      expect((await get(url)).status).toBe(404);
      expect(reads.every((path) => path.startsWith(root))).toBe(true);
    },
  );

  it('refuses other hosts of the app scheme', async () => {
    const { get, reads } = serve();
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect(reads).toEqual([]);
  });
});

describe('resolveInside', () => {
  it('maps URL paths to files under the root', () => {
    expect(resolveInside(root, '/assets/index-1a2b.js')).toBe(join(root, 'assets', 'index-1a2b.js'));
    expect(resolveInside(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it('refuses the root itself and every way out of it', () => {
    expect(resolveInside(root, '/')).toBeNull();
    expect(resolveInside(root, '/../secret.txt')).toBeNull();
    expect(resolveInside(root, '/assets/../../secret.txt')).toBeNull();
    expect(resolveInside(root, `/${encodeURIComponent(resolve('/etc/passwd'))}`)).toBeNull();
  });

  it('refuses any ".." segment, even one that would land back inside', () => {
    expect(resolveInside(root, '/assets/../index.html')).toBeNull();
    expect(resolveInside(root, '/assets/%2e%2e/index.html')).toBeNull();
  });
});

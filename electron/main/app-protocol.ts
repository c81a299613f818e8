import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { contentTypeFor } from '../../shared/content-types';
import { buildContentSecurityPolicy } from './content-security-policy';

/**
 * `standard` gives app:// real origins and relative URLs, `secure` makes it a secure context,
 * `supportFetchAPI` lets the page fetch its own files. Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export function registerAppScheme(protocol: {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }>): void;
}): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}


const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export interface AppRequestHandlerOptions {
  /** The built renderer, dist/renderer. */
  rendererDir: string;
  gatewayUrl: string;
  readFile: (absolutePath: string) => Promise<Uint8Array<ArrayBuffer>>;
  logError: (message: string) => void;
}

/** What protocol.handle passes; only these two fields are read. */
export type AppRequest = Pick<Request, 'url' | 'method'>;

/** Serves `app://queueboard/<path>` from the renderer folder, and nothing outside it. */
export function createAppRequestHandler({ rendererDir, gatewayUrl, readFile, logError }: AppRequestHandlerOptions) {
  const root = resolve(rendererDir);
  const securityHeaders = {
    'Content-Security-Policy': buildContentSecurityPolicy(gatewayUrl),
    'X-Content-Type-Options': 'nosniff',
  };
  const text = (status: number, body: string) =>
    new Response(body, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async function handleAppRequest(request: AppRequest): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, `Method ${request.method} is not allowed.`);
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(403, `Unknown host ${url.host}: only ${APP_HOST} is served.`);
    const file = resolveInside(root, url.pathname === '/' ? '/index.html' : url.pathname);
    if (file === null) return text(403, `Forbidden path ${url.pathname}.`);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!MISSING_FILE_CODES.has(code)) {
        logError(`Could not read ${file} for ${request.url}: ${(error as Error).message}`);
        return text(500, `Could not read ${url.pathname}; see the app log.`);
      }
      if (file === resolve(root, 'index.html')) {
        return text(404, `The wall view is not built (no ${file}): run \`npm run build:renderer\`, then reload.`);
      }
      return text(404, `Not found: ${url.pathname}`);
    }
    const contentType = contentTypeFor(extname(file));
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentType, 'Content-Length': String(body.byteLength) },
    });
  };
}

/**
 * The absolute file a URL path names, or null when it would leave `root`. Each segment is decoded
 * on its own, so an encoded "/" or "\" cannot build a ".." or an absolute path after the check.
 */
export function resolveInside(root: string, pathname: string): string | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..' || /[/\\\0]/.test(segment) || /^[a-zA-Z]:/.test(segment)) return null;
    segments.push(segment);
  }
  const full = resolve(root, ...segments);
  return full.startsWith(root + sep) ? full : null;
}

import type { ServerResponse } from 'node:http';

/** Headers every gateway answer carries. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Answers with a JSON body, never cached; a HEAD request gets the headers alone. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, method = 'GET'): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
    ...headers,
  });
  response.end(method === 'HEAD' ? undefined : text);
}

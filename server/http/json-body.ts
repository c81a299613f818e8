import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

/** Reads a JSON request body, refusing anything over `limitBytes` as soon as it is known to be too big. */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return { ok: false, status: 415, error: `Content-Type must be application/json (got ${type || 'none'})` };
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return tooLarge(limitBytes);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      request.resume();
      return tooLarge(limitBytes);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch (error) {
    return { ok: false, status: 400, error: `body is not valid JSON: ${(error as Error).message}` };
  }
}

function tooLarge(limitBytes: number): BodyResult {
  return { ok: false, status: 413, error: `body is larger than the limit of ${limitBytes} bytes; send smaller batches` };
}

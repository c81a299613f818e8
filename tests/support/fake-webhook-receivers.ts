import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** An answer a test scripts before the receiver answers for itself (429 with Retry-After, 5xx, …). */
export interface ScriptedAnswer {
  status: number;
  body?: string;
  /** A function is called when the answer is given (an HTTP date relative to then). */
  headers?: Record<string, string> | (() => Record<string, string>);
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** Real time of arrival (performance.now), for the waits between attempts. */
  at: number;
  status: number;
}

export interface FakeReceiver {
  /** The URL the gateway is configured with (it holds the receiver's credential, as Slack's and Teams' do). */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Bodies the receiver accepted, parsed. */
  readonly accepted: unknown[];
  /** Answers to give, in order, before the receiver's own; each is used once. */
  script(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

type Judge = (path: string, headers: IncomingHttpHeaders, raw: string) => { status: number; body: string; headers?: Record<string, string>; accepted?: unknown };

async function startReceiver(credentialPath: string, judge: Judge): Promise<FakeReceiver> {
  const requests: ReceivedRequest[] = [];
  const accepted: unknown[] = [];
  const scripted: ScriptedAnswer[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const next = scripted.shift();
    const answer = next ? { status: next.status, body: next.body ?? '', headers: typeof next.headers === 'function' ? next.headers() : next.headers } : judge(path, req.headers, raw);
    requests.push({ path, headers: req.headers, raw, at: performance.now(), status: answer.status });
    if (!next && 'accepted' in answer && answer.accepted !== undefined) accepted.push(answer.accepted);
    send(res, answer.status, answer.body, answer.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${credentialPath}`,
    requests,
    accepted,
    script: (...answers) => scripted.push(...answers),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain', ...headers });
  res.end(body);
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * A Slack incoming webhook (POST /services/T…/B…/token) as Slack documents its answers: 200 `ok`; 400
 * `invalid_payload` for a body that is not JSON, `no_text` with neither text nor blocks, `invalid_blocks`
 * for blocks Block Kit refuses (unknown type, header over 150 characters or not plain_text, section text over
 * 3000, more than 10 fields); 404 `no_service` for a revoked or unknown webhook; 429 with Retry-After is scripted.
 */
export function startSlackReceiver(token = 'xoxb-slack-path-token-7f3a'): Promise<FakeReceiver> {
  const path = `/services/T0QUEUE/B0BOARD/${token}`;
  return startReceiver(path, (requestPath, _headers, raw) => {
    if (requestPath !== path) return { status: 404, body: 'no_service' };
    const body = parse(raw) as { text?: unknown; blocks?: unknown } | undefined;
    if (body === undefined || typeof body !== 'object' || body === null) return { status: 400, body: 'invalid_payload' };
    if (typeof body.text !== 'string' && body.blocks === undefined) return { status: 400, body: 'no_text' };
    if (body.blocks !== undefined && !validBlocks(body.blocks)) return { status: 400, body: 'invalid_blocks' };
    return { status: 200, body: 'ok', accepted: body };
  });
}

/** A block as JSON gave it: read loosely, judged strictly. */
interface Block {
  type?: string;
  text?: { type?: string; text?: string };
  fields?: Array<{ text?: string }>;
  elements?: unknown[];
}

function validBlocks(blocks: unknown): boolean {
  if (!Array.isArray(blocks) || blocks.length > 50) return false;
  return (blocks as Block[]).every((block) => {
    switch (block?.type) {
      case 'header':
        return block.text?.type === 'plain_text' && typeof block.text.text === 'string' && block.text.text.length <= 150;
      case 'section': {
        const textOk = block.text === undefined || (['mrkdwn', 'plain_text'].includes(block.text.type ?? '') && (block.text.text?.length ?? Infinity) <= 3000);
        const fieldsOk = block.fields === undefined || (Array.isArray(block.fields) && block.fields.length <= 10 && block.fields.every((f) => (f.text?.length ?? Infinity) <= 2000));
        return textOk && fieldsOk && (block.text !== undefined || block.fields !== undefined);
      }
      case 'context':
        return Array.isArray(block.elements) && block.elements.length <= 10;
      case 'divider':
        return true;
      default:
        return false;
    }
  });
}

/**
 * A Teams Workflows trigger ("When a Teams webhook request is received"): 202 Accepted for a message with
 * an Adaptive Card attachment; 401 for a wrong `sig`; 400 TriggerInputSchemaMismatch for any other body;
 * 429 with Retry-After is scripted.
 */
export function startTeamsReceiver(sig = 'teams-sig-9c1d2e'): Promise<FakeReceiver> {
  const path = `/workflows/qb-flow/triggers/manual/paths/invoke?api-version=2016-06-01&sig=${sig}`;
  return startReceiver(path, (requestPath, _headers, raw) => {
    if (requestPath !== path) return { status: 401, body: JSON.stringify({ error: { code: 'DirectApiInvalidAuthorizationScheme', message: 'The provided authorization is not valid.' } }) };
    const body = parse(raw) as { type?: string; attachments?: Array<{ contentType?: string; content?: { type?: string; version?: string; body?: unknown } }> } | undefined;
    const card = body?.attachments?.[0];
    const ok = body?.type === 'message' && card?.contentType === 'application/vnd.microsoft.card.adaptive' && card.content?.type === 'AdaptiveCard' && typeof card.content.version === 'string' && Array.isArray(card.content.body);
    if (!ok) return { status: 400, body: JSON.stringify({ error: { code: 'TriggerInputSchemaMismatch', message: "The input body for trigger 'manual' of type 'Request' did not match its schema definition." } }) };
    return { status: 202, body: '', accepted: body };
  });
}

/** A receiver of the generic JSON format that checks every request with standardwebhooks' Webhook.verify: 401 when it fails, 204 when it holds. */
export function startJsonReceiver(secret: string): Promise<FakeReceiver> {
  const webhook = new Webhook(secret);
  return startReceiver('/hooks/queueboard', (path, headers, raw) => {
    if (path !== '/hooks/queueboard') return { status: 404, body: 'not found' };
    try {
      const payload = webhook.verify(raw, headers as Record<string, string>);
      return { status: 204, body: '', accepted: payload };
    } catch (error) {
      return { status: 401, body: `signature refused: ${(error as Error).message}` };
    }
  });
}

import { EventBatchSchema, QueueReadingInputSchema, type TicketEventInput } from '../../shared/ingest';
import { INGEST_KEY, MAX_BODY_BYTES, START, TOKENS, type RawRequest } from './fuzz-gateway';
import { HOSTILE_JSON, HOSTILE_KEYS, Random } from './hostile-values';

/** What the gateway must answer, and the reason it must count in queueboard_input_rejected_total (null: accepted). */
export interface HttpCase extends RawRequest {
  kind: string;
  status: number;
  reason: string | null;
  /** The valid events of an accepted batch, for the reference engine. */
  valid?: TicketEventInput[];
}

const QUEUES = new Set(['chat', 'phone']);
const json = { 'content-type': 'application/json' };
const ingestAuth = { authorization: `Bearer ${INGEST_KEY}` };
const EVENT_FIELDS = ['eventId', 'type', 'ticketId', 'queueId', 'at'] as const;

/** A known, valid batch: two tickets per batch, one answered, one answered and solved. */
export function validBatch(n: number): TicketEventInput[] {
  const created = START - 40 * 60_000 + (n % 1800) * 1000;
  return [
    { eventId: `v${n}-a-c`, type: 'created', ticketId: `v${n}-a`, queueId: 'chat', at: created },
    { eventId: `v${n}-a-r`, type: 'first-reply', ticketId: `v${n}-a`, at: created + ((n % 17) + 1) * 7_000 },
    { eventId: `v${n}-b-c`, type: 'created', ticketId: `v${n}-b`, queueId: 'chat', at: new Date(created + 500).toISOString() as never },
    { eventId: `v${n}-b-r`, type: 'first-reply', ticketId: `v${n}-b`, at: created + ((n % 11) + 1) * 13_000 },
    { eventId: `v${n}-b-s`, type: 'solved', ticketId: `v${n}-b`, at: created + ((n % 7) + 1) * 60_000 },
  ];
}

function eventJson(random: Random, i: number): Record<string, string> {
  return {
    eventId: JSON.stringify(`g${random.int(1e9)}-${i}`),
    type: JSON.stringify(random.pick(['created', 'queued', 'first-reply', 'solved', 'reopened'])),
    ticketId: JSON.stringify(`t${random.int(1e6)}`),
    queueId: JSON.stringify(random.pick(['chat', 'phone'])),
    at: String(START - random.int(3_600_000)),
  };
}

const objectText = (fields: Record<string, string>) => `{${Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

/** One event made bad in one way: a field replaced, removed, or a key added; sometimes an unknown queue. */
function mutatedEventText(random: Random, i: number, samples: readonly string[]): string {
  const fields = eventJson(random, i);
  const how = random.int(5);
  if (how === 0) delete fields[random.pick(EVENT_FIELDS)];
  else if (how === 1) fields[random.pick(HOSTILE_KEYS)] = random.pick(HOSTILE_JSON);
  else if (how === 2) fields['queueId'] = JSON.stringify(random.pick(['porto', 'CHAT', 'chat/../phone', '__proto__', 'constructor', 'x'.repeat(300)]));
  else fields[random.pick(EVENT_FIELDS)] = random.pick(how === 3 ? HOSTILE_JSON : samples);
  return objectText(fields);
}

/** What the gateway's own rules say of a body: malformed JSON, invalid, or acceptable. */
function classifyEvents(text: string): 'malformed' | 'invalid' | 'valid' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  if (!EventBatchSchema.safeParse(value).success) return 'invalid';
  const events = (value as { events: Array<{ queueId?: string }> }).events;
  return events.some((e) => e.queueId !== undefined && !QUEUES.has(e.queueId)) ? 'invalid' : 'valid';
}

function classifyReading(text: string, queueId: string | null): 'malformed' | 'invalid' | 'valid' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  return queueId !== null && QUEUES.has(queueId) && QueueReadingInputSchema.safeParse(value).success ? 'valid' : 'invalid';
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const OUTCOME = { malformed: [400, 'malformed'], invalid: [400, 'invalid'] } as const;

/**
 * Generates `count` requests: about one in ten a known valid batch, the rest garbage of every kind the
 * brief names. Each carries the status and counted reason the gateway must answer with.
 */
export function httpCases(random: Random, count: number, samples: readonly string[]): HttpCase[] {
  const cases: HttpCase[] = [];
  let validCount = 0;
  while (cases.length < count) {
    const roll = random.int(100);
    if (roll < 10) {
      const events = validBatch(validCount++);
      cases.push({ kind: 'valid', method: 'POST', path: '/api/v1/events', headers: { ...json, ...ingestAuth }, body: Buffer.from(JSON.stringify({ events })), status: 200, reason: null, valid: events });
    } else if (roll < 42) {
      const events = Array.from({ length: 1 + random.int(8) }, (_, k) => (k === 0 || random.int(3) === 0 ? mutatedEventText(random, k, samples) : objectText(eventJson(random, k))));
      const text = random.int(10) === 0 ? `{"events":[${events.join(',')}],${JSON.stringify(random.pick(HOSTILE_KEYS))}:1}` : `{"events":[${events.join(',')}]}`;
      const verdict = classifyEvents(text);
      if (verdict === 'valid') continue;
      cases.push({ kind: 'bad-events', method: 'POST', path: '/api/v1/events', headers: { ...json, ...ingestAuth }, body: Buffer.from(text), status: OUTCOME[verdict][0], reason: OUTCOME[verdict][1] });
    } else if (roll < 47) {
      const text = random.pick([`{"events":${random.pick(HOSTILE_JSON)}}`, random.pick(HOSTILE_JSON), '{"events":[]}', random.pick(samples)]);
      const verdict = classifyEvents(text);
      if (verdict === 'valid') continue;
      cases.push({ kind: 'bad-batch', method: 'POST', path: '/api/v1/events', headers: { ...json, ...ingestAuth }, body: Buffer.from(text), status: OUTCOME[verdict][0], reason: OUTCOME[verdict][1] });
    } else if (roll < 57) {
      const [path, queueId] = random.pick([
        ['/api/v1/queues/chat/readings', 'chat'], ['/api/v1/queues/porto/readings', 'porto'], ['/api/v1/queues/%E0%A4%A/readings', null],
        ['/api/v1/queues/%00/readings', '\u0000'], ['/api/v1/queues/__proto__/readings', '__proto__'], ['/api/v1/queues/constructor/readings', 'constructor'],
      ] as const);
      const field = random.pick(['at', 'backlog', 'agentsOnline', 'oldestWaitingSeconds', 'slaBreached', random.pick(HOSTILE_KEYS)]);
      const fields: Record<string, string> = { at: String(START), backlog: '3' };
      fields[field] = random.pick(random.int(2) === 0 ? HOSTILE_JSON : samples);
      const text = objectText(fields);
      const verdict = classifyReading(text, queueId);
      if (verdict === 'valid') continue;
      cases.push({ kind: 'bad-reading', method: 'POST', path, headers: { ...json, ...ingestAuth }, body: Buffer.from(text), status: OUTCOME[verdict][0], reason: OUTCOME[verdict][1] });
    } else if (roll < 65) {
      const garbage = random.int(2) === 0 ? random.bytes(1 + random.int(2000)) : Buffer.from(`{"events":[${objectText(eventJson(random, 0))}`);
      if (classifyEvents(garbage.toString('utf8')) !== 'malformed') continue;
      cases.push({ kind: 'binary', method: 'POST', path: '/api/v1/events', headers: { ...json, ...ingestAuth }, body: garbage, status: 400, reason: 'malformed' });
    } else if (roll < 72) {
      const type = random.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/xml', '']);
      const headers: Record<string, string> = { ...ingestAuth, ...(type ? { 'content-type': type } : {}) };
      cases.push({ kind: 'content-type', method: 'POST', path: random.pick(['/api/v1/events', '/api/v1/queues/chat/readings']), headers, body: Buffer.from(JSON.stringify({ events: validBatch(0) })), status: 415, reason: 'malformed' });
    } else if (roll < 76) {
      const size = MAX_BODY_BYTES + 1 + random.int(MAX_BODY_BYTES);
      cases.push({ kind: 'oversize', method: 'POST', path: '/api/v1/events', headers: { ...json, ...ingestAuth }, body: random.bytes(size), chunked: random.int(2) === 0, status: 413, reason: 'too-large' });
    } else if (roll < 85) {
      const authorization = random.pick([undefined, 'Bearer wrong-key-wrong-key', `Bearer ${'k'.repeat(8000)}`, `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${INGEST_KEY}x`, 'Bearer', `bearer  ${TOKENS.manager}`, `Bearer ${TOKENS.manager}`]);
      cases.push({ kind: 'bad-key', method: 'POST', path: '/api/v1/events', headers: { ...json, ...(authorization ? { authorization } : {}) }, body: Buffer.from(JSON.stringify({ events: validBatch(0) })), status: 401, reason: 'unauthorized' });
    } else if (roll < 88) {
      cases.push({ kind: 'method', method: random.pick(['GET', 'PUT', 'DELETE', 'PATCH']), path: '/api/v1/events', headers: ingestAuth, status: 405, reason: 'method' });
    } else {
      cases.push(adminCase(random, samples));
    }
  }
  return cases;
}

/** The thresholds API: every refusal by role and token, and garbage files from a manager. */
function adminCase(random: Random, samples: readonly string[]): HttpCase {
  const file = (overrides: string) => Buffer.from(`{"format":"queueboard-thresholds","version":1,"exportedAt":"2026-11-24T10:00:00Z","overrides":${overrides}}`);
  const body = random.int(2) === 0 ? file(`[${random.pick(HOSTILE_JSON)}]`) : Buffer.from(random.pick(samples));
  const put = (token: string, status: number, reason: string, ifMatch = '"0"'): HttpCase => ({
    kind: 'admin', method: 'PUT', path: '/api/v1/thresholds', headers: { ...json, authorization: `Bearer ${token}`, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body, status, reason,
  });
  switch (random.int(7)) {
    case 0: return put(TOKENS.lead, 403, 'forbidden');
    case 1: return put(TOKENS.display, 403, 'forbidden');
    case 2: return put('not-a-token', 401, 'bad-token');
    case 3: return put(TOKENS.revoked, 401, 'revoked-token');
    case 4: return put(TOKENS.manager, 428, 'invalid', '');
    case 5: {
      const managerPut = put(TOKENS.manager, 400, 'thresholds-invalid');
      return isJson(managerPut.body!) ? managerPut : { ...managerPut, reason: 'malformed' };
    }
    default: return { kind: 'admin', method: 'GET', path: '/api/v1/audit', headers: { authorization: `Bearer ${TOKENS.lead}` }, status: 403, reason: 'forbidden' };
  }
}

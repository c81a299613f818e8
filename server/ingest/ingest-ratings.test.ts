import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../shared/ingest';
import { MetricsRegistry } from '../runtime/prometheus';
import { createIngestApi } from './ingest-api';
import { createKeyVerifier, hashKey } from './ingest-keys';

const KEY = 'a-long-random-ingest-key';
const received: TicketEvent[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const registry = new MetricsRegistry();
  const api = createIngestApi({
    verifyKey: createKeyVerifier([{ sourceId: 'survey', sha256: hashKey(KEY) }], [{ id: 'lis-chat-pt', team: 'Care', pushFed: true }]),
    isKnownQueue: (id) => id === 'lis-chat-pt',
    queueOfTicket: () => null,
    sink: {
      ingestEvents: (_sourceId, events) => {
        received.push(...events);
        return { accepted: events.length, duplicates: 0 };
      },
      ingestReading: () => ({ accepted: true, duplicate: false }),
    },
    maxBodyBytes: 4096,
    rejected: registry.counter('rejected_total', 'x'),
    ingested: registry.counter('ingested_total', 'x'),
  });
  server = createServer((req, res) => {
    void api(req, res, new URL(req.url!, 'http://x').pathname).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
});

const post = (events: unknown[]) =>
  fetch(`${base}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ events }),
  });
const rating = { eventId: 'csat-1', type: 'rated', ticketId: 'T-1', queueId: 'lis-chat-pt', at: '2026-11-22T14:03:00Z', satisfied: false };

describe('a rated event on POST /api/v1/events', () => {
  it('is accepted with its answer', async () => {
    const response = await post([rating]);
    expect(response.status).toBe(200);
    expect(received).toEqual([{ ...rating, at: Date.parse(rating.at) }]);
  });

  it('is refused, field by field, without its queue or answer, with a wrong answer, or with an answer on another event', async () => {
    const response = await post([
      { ...rating, eventId: 'a', queueId: undefined },
      { ...rating, eventId: 'b', satisfied: undefined },
      { ...rating, eventId: 'c', satisfied: 4 },
      { eventId: 'd', type: 'solved', ticketId: 'T-2', at: rating.at, satisfied: true },
    ]);
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual([
      'events[0].queueId: is required for a rated event',
      'events[1].satisfied: is required for a rated event (true or false)',
      'events[2].satisfied: must be true or false',
      'events[3].satisfied: is only for a rated event, not a solved event',
    ]);
    expect(received).toEqual([]);
  });
});

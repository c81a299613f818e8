import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClusterWorld, type ClusterGateway, type ClusterWorld } from '../support/cluster-world';
import { killHard } from '../support/gateway-process';

let world: ClusterWorld;
let evaluator: ClusterGateway;
let standbys: ClusterGateway[];

const MANAGER = 'demo-manager-token';

interface Call {
  method?: 'GET' | 'PUT';
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An admin call as a script makes it: a token, no Origin (not a web page). */
function call(gateway: ClusterGateway, path: string, c: Call = {}) {
  const token = c.token === undefined ? MANAGER : c.token;
  return fetch(`${gateway.url}${path}`, {
    method: c.method ?? 'GET',
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(c.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...c.headers,
    },
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
    signal: AbortSignal.timeout(10_000),
  });
}

/** What a client sees of an answer: status, body and the headers that carry meaning. */
async function seen(response: Response) {
  const headers = Object.fromEntries(['content-type', 'etag', 'www-authenticate', 'retry-after', 'allow'].map((name) => [name, response.headers.get(name)]));
  return { status: response.status, headers, body: (await response.json()) as Record<string, unknown> };
}

/** The exported file without its export time (each answer is stamped when it was made). */
const unstamped = (answer: Awaited<ReturnType<typeof seen>>) => ({ ...answer, body: { ...answer.body, exportedAt: 'stamped' } });

async function series(gateway: ClusterGateway, name: string): Promise<string> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith(name)).join('\n');
}

beforeAll(async () => {
  world = await startClusterWorld(3);
  evaluator = await world.evaluator();
  standbys = world.gateways.filter((g) => g !== evaluator);
}, 90_000);
afterAll(async () => {
  await world?.close();
});

describe('the admin HTTP API on any gateway of a cluster', () => {
  it('a read on a standby gets the evaluator\'s answer: the thresholds file with its ETag, the audit trail', async () => {
    const fromStandby = await seen(await call(standbys[0]!, '/api/v1/thresholds'));
    expect(fromStandby.status).toBe(200);
    expect(fromStandby.headers.etag).toMatch(/^"\d+"$/);
    expect(unstamped(fromStandby)).toEqual(unstamped(await seen(await call(evaluator, '/api/v1/thresholds'))));
    const audit = await seen(await call(standbys[1]!, '/api/v1/audit?limit=5'));
    expect(audit.status).toBe(200);
    expect(audit).toEqual(await seen(await call(evaluator, '/api/v1/audit?limit=5')));
    expect(await series(standbys[0]!, 'queueboard_admin_forwarded_total')).toBe('queueboard_admin_forwarded_total{op="export",outcome="answered"} 1');
    expect(await series(standbys[1]!, 'queueboard_admin_forwarded_total')).toBe('queueboard_admin_forwarded_total{op="audit",outcome="answered"} 1');
  });

  it('a change made through a standby is the evaluator\'s: its revision, its audit, seen through the other standby too', async () => {
    const exported = await call(standbys[0]!, '/api/v1/thresholds');
    const etag = exported.headers.get('etag')!;
    const file = (await exported.json()) as { overrides: unknown[] };
    const override = { scope: 'queue', scopeId: 'lis-chat-pt', metric: 'backlog', profile: '', warning: 31, critical: 62, pendingSeconds: 60, recoverySeconds: null };
    const next = { ...file, overrides: [...file.overrides, override] };
    const saved = await seen(await call(standbys[0]!, '/api/v1/thresholds', { method: 'PUT', body: next, headers: { 'if-match': etag } }));
    expect(saved).toMatchObject({ status: 200, body: { ok: true, applied: 1 } });
    expect(saved.headers.etag).toBe(`"${Number(etag.slice(1, -1)) + 1}"`);

    // The evaluator has it (a standby's own thresholds are not what screens read, and were not touched).
    const onEvaluator = await seen(await call(evaluator, '/api/v1/thresholds'));
    expect(onEvaluator.headers.etag).toBe(saved.headers.etag);
    expect(onEvaluator.body.overrides).toContainEqual(expect.objectContaining({ scopeId: 'lis-chat-pt', metric: 'backlog', warning: 31, critical: 62 }));
    expect(unstamped(await seen(await call(standbys[1]!, '/api/v1/thresholds')))).toEqual(unstamped(onEvaluator));
    const audit = await seen(await call(evaluator, '/api/v1/audit?limit=1'));
    expect(audit.body.entries).toEqual([expect.objectContaining({ actor: 'Marta Silva', action: 'threshold.import' })]);

    // The same change again, through the other standby, with the old ETag: the evaluator's conflict, relayed.
    const again = await seen(await call(standbys[1]!, '/api/v1/thresholds', { method: 'PUT', body: next, headers: { 'if-match': etag } }));
    expect(again).toMatchObject({ status: 409, body: { code: 'conflict' } });
    // And a file the evaluator finds wrong: its 400 naming the field.
    const bad = await seen(await call(standbys[1]!, '/api/v1/thresholds', { method: 'PUT', body: { ...next, overrides: [{ ...override, critical: 10 }] }, headers: { 'if-match': saved.headers.etag! } }));
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid', issues: [expect.stringContaining('warning (31) must be below critical (10)')] } });
    expect(await series(evaluator, 'queueboard_admin_forwards_performed_total{op="import"')).toBe('queueboard_admin_forwards_performed_total{op="import",outcome="performed"} 3');
  });

  it('a standby refuses a bad request where it arrives, exactly as the evaluator does, and the evaluator never hears of it', async () => {
    const performed = await series(evaluator, 'queueboard_admin_forwards_performed_total');
    const cases: Array<{ path: string; c: Call }> = [
      // The demo lets anyone read the thresholds (anonymous display): the audit needs a manager.
      { path: '/api/v1/audit', c: { token: null } },
      { path: '/api/v1/audit', c: { token: 'not-a-token-of-ours' } },
      { path: '/api/v1/audit', c: { token: 'demo-display-token' } },
      { path: '/api/v1/audit?limit=9000', c: {} },
      { path: '/api/v1/thresholds', c: { method: 'PUT', body: { overrides: [] } } },
      { path: '/api/v1/thresholds', c: { method: 'PUT', token: 'demo-lead-token', body: { overrides: [] }, headers: { 'if-match': '"1"' } } },
      { path: '/api/v1/thresholds', c: { method: 'PUT', body: { overrides: [] }, headers: { 'if-match': '"1"', origin: 'https://elsewhere.example' } } },
    ];
    const answers = async (gateway: ClusterGateway) => {
      const all = [];
      for (const { path, c } of cases) all.push(await seen(await call(gateway, path, c)));
      return all;
    };
    const fromStandby = await answers(standbys[0]!);
    expect(fromStandby.map((a) => a.status)).toEqual([401, 401, 403, 400, 428, 403, 403]);
    expect(fromStandby[0]!.headers['www-authenticate']).toBe('Bearer realm="queueboard"');
    expect(await series(evaluator, 'queueboard_admin_forwards_performed_total')).toBe(performed);
    expect(fromStandby).toEqual(await answers(evaluator));
  });

  it('while no gateway evaluates (a takeover): 503 no-evaluator with Retry-After; then the new evaluator answers through the standby', async () => {
    await killHard(evaluator);
    // Its lease outlives it by up to 4 s: the standby's wait (3 s) ends first.
    const during = await seen(await call(standbys[0]!, '/api/v1/thresholds'));
    expect(during).toMatchObject({ status: 503, headers: { 'retry-after': '2' }, body: { code: 'no-evaluator', retryAfter: 2, error: expect.stringContaining('takeover') } });
    evaluator = await world.evaluator(20_000);
    standbys = standbys.filter((g) => g !== evaluator);
    const after = await seen(await call(standbys[0]!, '/api/v1/thresholds'));
    expect(after.status).toBe(200);
    expect(unstamped(after)).toEqual(unstamped(await seen(await call(evaluator, '/api/v1/thresholds'))));
  });

  // Last: it locks this address out of both live gateways.
  it('too many failed attempts: 429 with Retry-After on a standby, counted there as on the evaluator', async () => {
    const failUntilLocked = async (gateway: ClusterGateway) => {
      for (let i = 0; i < 30; i++) {
        const answer = await seen(await call(gateway, '/api/v1/audit', { token: `guess-${i}` }));
        if (answer.status === 429) return answer;
      }
      throw new Error(`${gateway.url} never answered 429`);
    };
    const fromStandby = await failUntilLocked(standbys[0]!);
    expect(fromStandby).toMatchObject({ status: 429, body: { code: 'too-many-attempts' } });
    expect(Number(fromStandby.headers['retry-after'])).toBeGreaterThan(0);
    const fromEvaluator = await failUntilLocked(evaluator);
    // The same answer but for how long each gateway's own count has left to run.
    const timeless = (answer: typeof fromStandby) => JSON.stringify(answer).replace(/\d+/g, 'n');
    expect(timeless(fromStandby)).toBe(timeless(fromEvaluator));
  });
});

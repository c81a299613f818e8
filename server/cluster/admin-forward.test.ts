import { describe, expect, it } from 'vitest';
import type { AdminAsk, PerformAdmin } from '../http/admin-perform';
import type { Logger } from '../runtime/logger';
import { MetricsRegistry } from '../runtime/prometheus';
import { AdminForwarding } from './admin-forward';
import type { ForwardBus } from './evaluator-channel';

/** Gateways on one bus: an emit reaches every other member a turn later, as PUB/SUB does. */
function bus() {
  const members: Array<{ self: ForwardBus; listeners: Map<string, (text: string) => void> }> = [];
  const sent: string[] = [];
  return {
    sent,
    member(): ForwardBus {
      const listeners = new Map<string, (text: string) => void>();
      const self: ForwardBus = {
        on: (event, listener) => listeners.set(event, listener),
        serverSideEmit: (event, text) => {
          sent.push(event);
          for (const other of members) if (other.self !== self) queueMicrotask(() => other.listeners.get(event)?.(text));
        },
      };
      members.push({ self, listeners });
      return self;
    },
  };
}

/** An evaluating gateway and a standby; `evaluating: false`: none evaluates (a takeover), the timer fires at once. */
function cluster(options: { evaluating?: boolean; connected?: boolean; evaluatorPerform?: PerformAdmin } = {}) {
  const wire = bus();
  const lines: string[] = [];
  const logger: Logger = { debug() {}, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
  const asked: AdminAsk[] = [];
  const performedHere: PerformAdmin = async (ask) => {
    asked.push(ask);
    return { status: 200, body: { ok: true, revision: 8, applied: 1 }, headers: { ETag: '"8"' } };
  };
  const gateway = (primary: boolean, performHere: PerformAdmin) => {
    const registry = new MetricsRegistry();
    const forwarding = new AdminForwarding({
      performHere, isPrimary: () => primary && (options.evaluating ?? true), connected: () => options.connected ?? true, registry, logger,
      timer: (_ms, fire) => {
        // With an evaluator the answer comes first (a microtask); without, the wait ends.
        const handle = setTimeout(fire, 0);
        return () => clearTimeout(handle);
      },
    });
    forwarding.connect(wire.member());
    return { forwarding, metrics: () => registry.render() };
  };
  const evaluator = gateway(true, options.evaluatorPerform ?? performedHere);
  const standby = gateway(false, () => {
    throw new Error('a standby performed an admin request on its own thresholds');
  });
  return { wire, lines, asked, evaluator, standby };
}

const importing: AdminAsk = { op: 'import', file: { format: 'queueboard-thresholds', version: 1, overrides: [] }, revision: 7, who: 'Marta Silva' };

describe('admin requests handed from a standby to the evaluating gateway', () => {
  it('are performed by the evaluator, as checked on the standby (who asked, which revision), and its answer comes back whole', async () => {
    const { asked, evaluator, standby } = cluster();
    expect(await standby.forwarding.perform(importing)).toEqual({ status: 200, body: { ok: true, revision: 8, applied: 1 }, headers: { ETag: '"8"' } });
    expect(asked).toEqual([importing]);
    expect(standby.metrics()).toContain('queueboard_admin_forwarded_total{op="import",outcome="answered"} 1');
    expect(evaluator.metrics()).toContain('queueboard_admin_forwards_performed_total{op="import",outcome="performed"} 1');
  });

  it('no evaluator answering (a takeover): 503 no-evaluator with Retry-After, saying how to retry a change safely; logged once a streak', async () => {
    const { lines, standby } = cluster({ evaluating: false });
    const answer = await standby.forwarding.perform(importing);
    expect(answer).toMatchObject({ status: 503, headers: { 'Retry-After': '2' }, body: { code: 'no-evaluator', retryAfter: 2 } });
    expect((answer.body as { error: string }).error).toContain('send it again with the same If-Match');
    await standby.forwarding.perform({ op: 'export' });
    expect(lines.filter((line) => line.startsWith('warn'))).toEqual(['warn could not hand admin requests to the evaluating gateway: answering 503 until it works again']);
    expect(standby.metrics()).toContain('queueboard_admin_forwarded_total{op="export",outcome="no-evaluator"} 1');
  });

  it('Redis unreachable: 503 redis-unreachable at once, nothing sent', async () => {
    const { wire, standby } = cluster({ connected: false });
    expect(await standby.forwarding.perform({ op: 'audit', limit: 5 })).toMatchObject({ status: 503, body: { code: 'redis-unreachable' } });
    expect(wire.sent).toEqual([]);
  });

  it('the evaluator fails: 500 relayed, logged and counted there', async () => {
    const { lines, evaluator, standby } = cluster({ evaluatorPerform: () => Promise.reject(new Error('disk full')) });
    expect(await standby.forwarding.perform({ op: 'export' })).toMatchObject({ status: 500 });
    expect(lines).toContain('error could not perform an admin request another gateway handed on');
    expect(evaluator.metrics()).toContain('queueboard_admin_forwards_performed_total{op="export",outcome="failed"} 1');
  });

  it('while this gateway evaluates, performs here without the bus', async () => {
    const { wire, asked, evaluator } = cluster();
    await evaluator.forwarding.perform({ op: 'export' });
    expect(asked).toEqual([{ op: 'export' }]);
    expect(wire.sent).toEqual([]);
  });
});

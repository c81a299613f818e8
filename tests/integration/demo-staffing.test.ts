import { afterEach, describe, expect, it } from 'vitest';
import { demoConfig } from '../../server/config/demo-config';
import { createGateway, type Gateway } from '../../server/gateway';
import { silentLogger } from '../../server/runtime/logger';
import { createDemoSource } from '../../server/sources/demo/demo-source';
import { PROTOCOL_VERSION, type QueueState } from '../../shared/protocol/protocol';
import { FakeTime } from '../support/fake-time';
import { BUSY_MORNING, connect, nextEvent, type TestSocket } from '../support/gateway-harness';

// Issue 19, done when: the demo's desk and wall show a staffing gap and an SLA outlook within a minute of
// `npm start` (the built-in demo, seed 1, at its own speed), at a busy hour and at night.
const NIGHT = Date.UTC(2026, 10, 24, 23, 40);

let gateway: Gateway | undefined;
let socket: TestSocket | undefined;
afterEach(async () => {
  socket?.disconnect();
  await gateway?.close();
});

/** The states a desk receives from the demo gateway, started as `npm start` starts it, after `runMs` of its clock. */
async function statesAfter(startAt: number, runMs: number): Promise<QueueState[]> {
  const config = demoConfig(1);
  const time = new FakeTime(startAt);
  const demo = createDemoSource({ config: { offices: config.offices, queues: config.queues.filter((q) => q.source.kind === 'demo') }, settings: config.demo!, clock: time, scheduler: time });
  gateway = createGateway({ config, sources: [demo], clock: time, scheduler: time, logger: silentLogger, store: null, rendererDir: 'dist/renderer' });
  const { port } = await gateway.listen(0, '127.0.0.1');
  for (let at = 0; at < runMs; at += 1000) time.advance(1000);
  socket = connect(`http://127.0.0.1:${port}`, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'demo-lead-token' });
  return (await nextEvent(socket, 'snapshot')).states;
}

describe('the demo shows a staffing gap and an SLA outlook within a minute of its start', () => {
  for (const [moment, startAt] of [['busy', BUSY_MORNING], ['night', NIGHT]] as const) {
    it(`at a ${moment} hour: need and have for every queue, a gap somewhere, and an outlook`, async () => {
      const states = await statesAfter(startAt, 60_000);
      expect(states.length).toBe(demoConfig(1).queues.length);
      expect(states.filter((s) => !s.staffing).map((s) => s.queueId), 'queues without a staffing figure').toEqual([]);
      expect(states.filter((s) => (s.metrics.staffingGap ?? 0) > 0).length, 'queues short of agents').toBeGreaterThan(0);
      const outlooks = states.filter((s) => s.staffing?.sla);
      expect(outlooks.length, 'queues with an SLA outlook').toBeGreaterThan(0);
      for (const s of outlooks) expect(s.metrics.slaOutlook).toBe(s.staffing!.sla!.expected);
      if (moment === 'busy') {
        // What the wall's tile note shows: an end of day projected below target.
        expect(outlooks.filter((s) => s.staffing!.sla!.expected < s.staffing!.sla!.target).length, 'outlooks below target').toBeGreaterThan(0);
      }
    });
  }
});

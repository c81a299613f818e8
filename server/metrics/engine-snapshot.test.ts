import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_WINDOWS, MetricEngine } from '.';
import { decodeCheckpoint, encodeCheckpoint, WINDOW_NAMES } from './engine-snapshot';
import { QueueWindows } from './queue-windows';
import { SampleWindow } from './sample-window';

const T0 = Date.UTC(2026, 10, 17, 9);

function engineWithState(): MetricEngine {
  const engine = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] });
  engine.applyEvent({ eventId: '1', type: 'created', ticketId: 't1', queueId: 'chat', at: T0 });
  engine.applyEvent({ eventId: '2', type: 'first-reply', ticketId: 't1', at: T0 + 30_000 });
  engine.applyEvent({ eventId: '3', type: 'created', ticketId: 't2', queueId: 'chat', at: T0 + 60_000 });
  engine.applyReading('chat', { at: T0, agentsOnline: 4 });
  engine.applyEvent({ eventId: '4', type: 'rated', ticketId: 't1', queueId: 'chat', at: T0 + 90_000, satisfied: true });
  engine.applyEvent({ eventId: '5', type: 'rated', ticketId: 't0', queueId: 'chat', at: T0 + 95_000, satisfied: false });
  return engine;
}

describe('the engine checkpoint', () => {
  it('covers every window a queue keeps: a window added to QueueWindows must be added to WINDOW_NAMES', () => {
    const queue = new QueueWindows({ id: 'chat', firstResponseTargetSeconds: 60 }, DEFAULT_WINDOWS, DEFAULT_LIMITS);
    const windows = Object.entries(queue).filter(([, value]) => value instanceof SampleWindow).map(([name]) => name);
    expect(windows.sort()).toEqual([...WINDOW_NAMES].sort());
  });

  it('covers every field of the engine and its queues: new state must be checkpointed, or compaction loses it', () => {
    // Compaction deletes the input a checkpoint covers: state left out of the checkpoint is gone after a restart.
    // A new field belongs in engine-snapshot.ts and queue-snapshot.ts, or below if it is configuration.
    // `indexes` is derived from the tickets (rebuilt after a restore), so it needs no place in the checkpoint; so is
    // `evictionCursor` (a place in `openTickets`, whose order the checkpoint keeps: a restore starts a new one).
    const configuration = {
      engine: ['maxOpenTicketsPerQueue', 'maxOpenTickets', 'indexes'],
      queue: ['id', 'targetSeconds', 'windows', 'firstResponseCutoff', 'resolutionCutoff', 'evictionCursor'],
    };
    const engineState = ['queues', 'tickets', 'csat'];
    const queueState = [...WINDOW_NAMES, 'openTickets', 'backlogReading', 'agentsReading', 'slaBreachedReading', 'oldestWaitingReading', 'handleTimeReading', 'evictedTickets'];
    const engine = engineWithState();
    const queue = new QueueWindows({ id: 'chat', firstResponseTargetSeconds: 60 }, DEFAULT_WINDOWS, DEFAULT_LIMITS);
    expect(Object.keys(engine).sort()).toEqual([...engineState, ...configuration.engine].sort());
    expect(Object.keys(queue).sort()).toEqual([...queueState, ...configuration.queue].sort());
    expect(Object.keys(engine.snapshot().queues.chat!).sort()).toEqual(
      ['tickets', 'windows', 'backlogReading', 'agentsReading', 'slaBreachedReading', 'oldestWaitingReading', 'handleTimeReading', 'evictedTickets'].sort(),
    );
  });

  it('round-trips through JSON into an engine that computes the same figures', () => {
    const engine = engineWithState();
    const decoded = decodeCheckpoint(encodeCheckpoint(engine.snapshot(), new Map([['chat', T0 + 60_000]])));
    if (!decoded.ok) throw new Error(decoded.problem);
    const copy = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] });
    copy.restore(decoded.checkpoint.engine);
    expect(copy.metricsFor('chat', T0 + 120_000)).toEqual(engine.metricsFor('chat', T0 + 120_000));
    expect(copy.metricsFor('chat', T0 + 120_000)).toMatchObject({ csat: 50, csatRatings: 2 });
    expect(decoded.checkpoint.lastInputAt).toEqual({ chat: T0 + 60_000 });
  });

  it('refuses what it cannot read, saying why: not JSON, another version, a field breaking its rule', () => {
    const good = JSON.parse(encodeCheckpoint(engineWithState().snapshot(), new Map())) as {
      engine: { queues: Record<string, { tickets: { openedAt: unknown[] }; windows: Record<string, { ats: unknown[] }> }> };
    };
    expect(decodeCheckpoint('{"version":1,')).toEqual({ ok: false, problem: expect.stringMatching(/^not valid JSON/) });
    expect(decodeCheckpoint(JSON.stringify({ ...good, version: 0 }))).toEqual({ ok: false, problem: 'version 0, this gateway reads version 1' });
    expect(decodeCheckpoint('[]')).toEqual({ ok: false, problem: 'version missing, this gateway reads version 1' });
    const chat = good.engine.queues.chat!;
    chat.tickets.openedAt[1] = 'yesterday';
    expect(decodeCheckpoint(JSON.stringify(good))).toEqual({ ok: false, problem: expect.stringMatching(/^engine\.queues\.chat\.tickets\.openedAt\[1\]: .*number/) });
    chat.tickets.openedAt[1] = T0;
    chat.tickets.openedAt.push(T0);
    expect(decodeCheckpoint(JSON.stringify(good))).toEqual({
      ok: false,
      problem: 'engine.queues.chat.tickets: ids, openedAt, waitingSince and firstReplied must have the same length',
    });
    chat.tickets.openedAt.pop();
    chat.windows.inflow!.ats.push(T0);
    expect(decodeCheckpoint(JSON.stringify(good))).toEqual({
      ok: false,
      problem: 'engine.queues.chat.windows.inflow: ats and values must have the same length',
    });
  });
});

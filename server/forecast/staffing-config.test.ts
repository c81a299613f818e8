import { describe, expect, it } from 'vitest';
import { QueueReadingInputSchema } from '../../shared/ingest';
import { describeIssues } from '../../shared/protocol/validation';
import { GatewayConfigSchema } from '../config/config-schema';
import { EngineSnapshotSchema } from '../metrics/engine-snapshot';
import { MetricEngine } from '../metrics/metric-engine';
import { lisbonQueue, oneOfficeConfig } from '../../tests/support/one-office';
import { DEFAULT_PATIENCE_SECONDS, staffingSetups } from './staffing-config';

const problems = (queue: Record<string, unknown>) => {
  const parsed = GatewayConfigSchema.safeParse(oneOfficeConfig([queue]));
  return parsed.success ? [] : describeIssues(parsed.error.issues);
};

describe('a queue\'s staffing settings', () => {
  it('are read, and resolve with the channel\'s defaults and the first-response target', () => {
    const config = GatewayConfigSchema.parse(
      oneOfficeConfig([lisbonQueue({ staffing: { handleTimeSeconds: 420 } }), lisbonQueue({ id: 'mail', channel: 'email', targets: { firstResponseSeconds: 14_400 } })]),
    );
    const setups = staffingSetups(config.queues, () => 'Europe/Lisbon');
    expect(setups.get('chat')).toMatchObject({ handleSetting: 420, patienceSeconds: DEFAULT_PATIENCE_SECONDS.chat, targetSeconds: 120, slaWindow: 60 });
    expect(setups.get('mail')).toMatchObject({ handleSetting: null, patienceSeconds: null, targetSeconds: 14_400 });
  });

  it('name the field and the rule when out of bounds', () => {
    expect(problems(lisbonQueue({ staffing: { handleTimeSeconds: 0 } }))).toEqual(['queues[0].staffing.handleTimeSeconds: must be at least 1 second']);
    expect(problems(lisbonQueue({ staffing: { handleTimeSeconds: 36_000 } }))).toEqual(['queues[0].staffing.handleTimeSeconds: must be at most 28800 seconds (8 hours)']);
    expect(problems(lisbonQueue({ staffing: { patienceSeconds: 1 } }))).toEqual(['queues[0].staffing.patienceSeconds: must be at least 5 seconds']);
    expect(problems(lisbonQueue({ staffing: { handleTimeSeconds: '5 min' } }))).toEqual(['queues[0].staffing.handleTimeSeconds: must be a number of seconds']);
    expect(problems(lisbonQueue({ staffing: { aht: 300 } }))[0]).toMatch(/^queues\[0\]\.staffing: .*aht/);
  });

  it('refuse a patience on a queue staffed by workload', () => {
    expect(problems(lisbonQueue({ channel: 'email', staffing: { patienceSeconds: 120 } }))).toEqual([
      'queues[0].staffing.patienceSeconds: is only used for chat and phone queues (Erlang A); email queues are staffed by workload',
    ]);
  });
});

describe('a reading\'s handle time', () => {
  const reading = (over: Record<string, unknown>) => QueueReadingInputSchema.safeParse({ at: 1_795_351_380_000, ...over });

  it('is taken alone or with the rest', () => {
    expect(reading({ handleTimeSeconds: 312.5 }).success).toBe(true);
    expect(reading({ backlog: 3, handleTimeSeconds: 60 }).success).toBe(true);
  });

  it('names the field and the rule when out of bounds', () => {
    const issues = (over: Record<string, unknown>) => {
      const parsed = reading(over);
      return parsed.success ? [] : describeIssues(parsed.error.issues);
    };
    expect(issues({ handleTimeSeconds: 0.5 })).toEqual(['handleTimeSeconds: must be at least 1 second']);
    expect(issues({ handleTimeSeconds: 86_400 })).toEqual(['handleTimeSeconds: must be at most 28800 seconds (8 hours)']);
    expect(issues({ handleTimeSeconds: '300' })).toEqual(['handleTimeSeconds: must be a number of seconds']);
  });
});

describe('the engine\'s handle time', () => {
  it('is the latest reading\'s, kept through a checkpoint; none before one', () => {
    const engine = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] });
    expect(engine.handleTimeOf('chat')).toBeNull();
    engine.applyReading('chat', QueueReadingInputSchema.parse({ at: 1_795_351_380_000, handleTimeSeconds: 300 }));
    engine.applyReading('chat', QueueReadingInputSchema.parse({ at: 1_795_351_440_000, backlog: 4 }));
    expect(engine.handleTimeOf('chat')).toBe(300);
    const copy = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] });
    copy.restore(EngineSnapshotSchema.parse(JSON.parse(JSON.stringify(engine.snapshot()))));
    expect(copy.handleTimeOf('chat')).toBe(300);
  });

  it('is absent from a checkpoint written before handle times were read', () => {
    const engine = new MetricEngine({ queues: [{ id: 'chat', firstResponseTargetSeconds: 60 }] });
    const old = JSON.parse(JSON.stringify(engine.snapshot()));
    delete old.queues.chat.handleTimeReading;
    engine.restore(EngineSnapshotSchema.parse(old));
    expect(engine.handleTimeOf('chat')).toBeNull();
  });
});

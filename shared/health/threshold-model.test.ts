import { describe, expect, it } from 'vitest';
import { parseWith } from '../protocol/validation';
import { DEFAULT_THRESHOLDS } from './default-thresholds';
import {
  activeProfile,
  HealthSettingsSchema,
  localClock,
  ThresholdIndex,
  ThresholdOverrideSchema,
  type HealthProfile,
  type ThresholdOverrideInput,
} from './threshold-model';

const chat = { id: 'lis-chat-pt', officeId: 'lisbon', channel: 'chat' } as const;
const email = { id: 'lis-email-pt', officeId: 'lisbon', channel: 'email' } as const;
const amsChat = { id: 'ams-chat-nl', officeId: 'amsterdam', channel: 'chat' } as const;

const override = (o: Partial<ThresholdOverrideInput> & Pick<ThresholdOverrideInput, 'scope' | 'scopeId'>) =>
  ThresholdOverrideSchema.parse({ metric: 'backlog', warning: 10, critical: 20, ...o });

describe('ThresholdIndex.resolve', () => {
  const index = new ThresholdIndex([
    override({ scope: 'default', scopeId: '', warning: 50, critical: 60 }),
    override({ scope: 'office', scopeId: 'lisbon', warning: 30, critical: 40 }),
    override({ scope: 'queue', scopeId: 'lis-chat-pt', warning: 10, critical: 20, pendingSeconds: 30 }),
    override({ scope: 'office', scopeId: 'lisbon', profile: 'night', warning: 35, critical: 45 }),
    override({ scope: 'default', scopeId: '', metric: 'agentsOnline', warning: 3, critical: 1 }),
  ]);

  it('takes the queue over the office over the default over the built-in channel level, and says where each came from', () => {
    expect(index.resolve(chat, null).backlog).toEqual({
      rule: { direction: 'higher-is-worse', warning: 10, critical: 20, pendingSeconds: 30 },
      origin: { scope: 'queue', scopeId: 'lis-chat-pt', profile: '' },
    });
    expect(index.resolve(email, null).backlog?.origin).toEqual({ scope: 'office', scopeId: 'lisbon', profile: '' });
    expect(index.resolve(amsChat, null).backlog?.origin).toEqual({ scope: 'default', scopeId: '', profile: '' });
    expect(index.resolve(amsChat, null).firstResponseP90).toEqual({
      rule: DEFAULT_THRESHOLDS.chat.firstResponseP90,
      origin: { scope: 'built-in', scopeId: 'chat', profile: '' },
    });
  });

  it('fixes the direction by metric: fewer agents online is worse', () => {
    expect(index.resolve(amsChat, null).agentsOnline?.rule).toEqual({ direction: 'lower-is-worse', warning: 3, critical: 1 });
  });

  it('prefers the active profile within a scope, but never over a more specific scope', () => {
    expect(index.resolve(email, 'night').backlog?.rule).toMatchObject({ warning: 35, critical: 45 });
    expect(index.resolve(chat, 'night').backlog?.rule).toMatchObject({ warning: 10, critical: 20 });
    expect(index.resolve(amsChat, 'night').backlog?.rule).toMatchObject({ warning: 50 });
  });

  it('leaves a metric ungraded when nothing defines a rule for it', () => {
    expect(new ThresholdIndex([]).resolve(chat, null).inflowPerHour).toBeUndefined();
  });

  it('grades SLA-breached tickets on every channel by default, more being worse, and a manager overrides the levels', () => {
    for (const channel of Object.keys(DEFAULT_THRESHOLDS) as Array<keyof typeof DEFAULT_THRESHOLDS>) {
      const builtIn = new ThresholdIndex([]).resolve({ ...chat, channel }, null).slaBreached;
      expect(builtIn?.rule.direction, channel).toBe('higher-is-worse');
      expect(builtIn?.origin.scope, channel).toBe('built-in');
    }
    const graded = new ThresholdIndex([override({ scope: 'queue', scopeId: 'lis-chat-pt', metric: 'slaBreached', warning: 1, critical: 5 })]);
    expect(graded.resolve(chat, null).slaBreached?.rule).toEqual({ direction: 'higher-is-worse', warning: 1, critical: 5 });
    expect(ThresholdOverrideSchema.safeParse({ scope: 'default', scopeId: '', metric: 'slaBreached', warning: 5, critical: 1 }).success).toBe(false);
  });

  it('leaves a metric the queue lists as ungraded without a rule, built-in or overridden', () => {
    const graded = new ThresholdIndex([override({ scope: 'queue', scopeId: 'lis-chat-pt', metric: 'slaBreached', warning: 1, critical: 5 })]);
    const rules = graded.resolve({ ...chat, ungraded: ['slaBreached'] }, null);
    expect(rules.slaBreached).toBeUndefined();
    expect(rules.backlog).toBeDefined();
  });
});

describe('ThresholdOverrideSchema', () => {
  it('names the field and the rule of each problem', () => {
    const issues = (input: unknown) => {
      const result = parseWith(ThresholdOverrideSchema, input);
      return result.ok ? [] : result.issues;
    };
    expect(issues({ scope: 'queue', scopeId: 'lis-chat-pt', metric: 'backlog', warning: 20, critical: 10 })).toEqual([
      'warning: warning (20) must be below critical (10) when higher-is-worse',
    ]);
    expect(issues({ scope: 'queue', scopeId: 'lis-chat-pt', metric: 'slaAttainment', warning: 80, critical: 90 })).toEqual([
      'warning: warning (80) must be above critical (90) when lower-is-worse',
    ]);
    expect(issues({ scope: 'queue', scopeId: 'lis-chat-pt', metric: 'backlog', warning: -1, critical: 10, pendingSeconds: 0 })).toEqual([
      'warning: must be 0 or more',
      'pendingSeconds: must be at least 1 second',
    ]);
    expect(issues({ scope: 'queue', scopeId: 'lis-chat-pt', metric: 'happiness', warning: 1, critical: 2 })[0]).toMatch(/^metric: /);
    expect(issues({ scope: 'default', scopeId: 'lisbon', metric: 'backlog', warning: 1, critical: 2 })).toEqual([
      'scopeId: must be empty for the default scope',
    ]);
    expect(issues({ scope: 'queue', scopeId: 'x', metric: 'backlog', warning: 1, critical: 2, pendingSeconds: 90_000 })).toEqual([
      'pendingSeconds: must be at most 24 hours (86400 seconds)',
    ]);
  });
});

describe('time-of-day profiles', () => {
  const profiles: HealthProfile[] = HealthSettingsSchema.parse({
    profiles: [
      { id: 'weekend', name: 'Weekend', days: ['sat', 'sun'], from: '00:00', to: '00:00' },
      { id: 'night', name: 'Night shift', from: '22:00', to: '07:00', officeIds: ['lisbon'] },
    ],
  }).profiles;

  it('runs a window past midnight from the day it starts on, and takes the first active profile', () => {
    expect(activeProfile(profiles, 'lisbon', 'tue', 23 * 60)?.id).toBe('night');
    expect(activeProfile(profiles, 'lisbon', 'wed', 6 * 60 + 59)?.id).toBe('night');
    expect(activeProfile(profiles, 'lisbon', 'wed', 7 * 60)).toBeNull();
    expect(activeProfile(profiles, 'amsterdam', 'tue', 23 * 60)).toBeNull();
    expect(activeProfile(profiles, 'amsterdam', 'sat', 12 * 60)?.id).toBe('weekend');
    expect(activeProfile(profiles, 'lisbon', 'sun', 23 * 60)?.id).toBe('weekend');
  });

  it('reads the local day and time in the office time zone, daylight saving included', () => {
    const lisbon = localClock('Europe/Lisbon');
    const amsterdam = localClock('Europe/Amsterdam');
    const summer = Date.UTC(2026, 6, 3, 21, 30); // Friday 22:30 in Lisbon (UTC+1), 23:30 in Amsterdam
    expect(lisbon(summer)).toEqual({ day: 'fri', minuteOfDay: 22 * 60 + 30 });
    expect(amsterdam(summer)).toEqual({ day: 'fri', minuteOfDay: 23 * 60 + 30 });
    expect(amsterdam(Date.UTC(2026, 11, 31, 23, 30))).toEqual({ day: 'fri', minuteOfDay: 30 });
  });

  it('rejects duplicate profile ids and bad times by field', () => {
    const result = parseWith(HealthSettingsSchema, {
      profiles: [
        { id: 'night', name: 'N', from: '22:00', to: '7:00' },
        { id: 'night', name: 'N2', from: '22:00', to: '07:00', days: [] },
      ],
    });
    expect(result.ok ? [] : result.issues).toEqual([
      'profiles[0].to: must be a 24-hour time HH:MM, e.g. 22:00',
      'profiles[1].days: must name at least one day',
      'profiles[1].id: duplicates id "night"',
    ]);
    const dup = parseWith(HealthSettingsSchema, { profiles: [{ id: 'night', name: 'N', from: '22:00', to: '07:00' }, { id: 'night', name: 'M', from: '01:00', to: '02:00' }] });
    expect(dup.ok ? [] : dup.issues).toEqual(['profiles[1].id: duplicates id "night"']);
  });
});

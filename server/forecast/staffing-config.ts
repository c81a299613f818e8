import { z } from 'zod';
import { DEFAULT_FIRST_RESPONSE_TARGET_SECONDS } from '../../shared/health/default-thresholds';
import { HandleTimeSecondsSchema } from '../../shared/ingest';
import type { Channel } from '../../shared/model';
import type { PercentileWindow } from '../../shared/percentile-window';

/** Chat and phone are staffed by Erlang A (people wait on the line and give up); the rest by workload. */
export const ERLANG_CHANNELS: ReadonlySet<Channel> = new Set(['chat', 'phone']);

const MINUTE = 60;

/**
 * Average handle times when neither a reading nor the queue's settings give one: a phone call of 5 minutes
 * with its wrap-up, a chat of 8 (one at a time: with concurrent chats, set the time an agent spends per chat),
 * an email of 8, a public social reply of 5.
 */
export const DEFAULT_HANDLE_SECONDS: Readonly<Record<Channel, number>> = {
  phone: 5 * MINUTE,
  chat: 8 * MINUTE,
  email: 8 * MINUTE,
  trustpilot: 5 * MINUTE,
  facebook: 5 * MINUTE,
  instagram: 5 * MINUTE,
  x: 5 * MINUTE,
  linkedin: 5 * MINUTE,
};

/** How long people wait before giving up, on average, when the settings name none: callers less than chatters. */
export const DEFAULT_PATIENCE_SECONDS: Readonly<Record<'chat' | 'phone', number>> = { phone: 2 * MINUTE, chat: 3 * MINUTE };

/** A queue's `staffing` settings in the configuration file. */
export const QueueStaffingSchema = z
  .object({
    /** Average handle time in seconds; a reading's handleTimeSeconds, when given, wins. */
    handleTimeSeconds: HandleTimeSecondsSchema.optional(),
    /** Average patience in seconds before a waiting chat or call gives up (Erlang A); chat and phone only. */
    patienceSeconds: z
      .number({ error: 'must be a number of seconds' })
      .min(5, 'must be at least 5 seconds')
      .max(4 * 3600, 'must be at most 14400 seconds (4 hours)')
      .optional(),
  })
  .strict();
export type QueueStaffing = z.infer<typeof QueueStaffingSchema>;

/** The problem with a queue's staffing settings for its channel, or null (the config schema reports it at the field). */
export function staffingSettingsProblem(channel: Channel, staffing: QueueStaffing | undefined): string | null {
  if (staffing?.patienceSeconds !== undefined && !ERLANG_CHANNELS.has(channel)) {
    return `is only used for chat and phone queues (Erlang A); ${channel} queues are staffed by workload`;
  }
  return null;
}

/** What the planner needs of a queue, resolved once from its configuration. */
export interface StaffingSetup {
  readonly queueId: string;
  readonly channel: Channel;
  readonly timeZone: string;
  /** The first-response promise in seconds: the service-level target's time. */
  readonly targetSeconds: number;
  /** The queue's SLA window: rolling minutes, or the office's day. */
  readonly slaWindow: PercentileWindow;
  readonly handleSetting: number | null;
  /** Mean patience in seconds (chat and phone), null for workload queues. */
  readonly patienceSeconds: number | null;
}

export interface StaffingQueueConfig {
  id: string;
  channel: Channel;
  officeId: string;
  targets?: { firstResponseSeconds: number };
  windows: { firstResponse: PercentileWindow };
  staffing?: QueueStaffing;
}

export function staffingSetups(queues: readonly StaffingQueueConfig[], timeZoneOf: (officeId: string) => string): Map<string, StaffingSetup> {
  return new Map(
    queues.map((queue) => {
      const erlang = ERLANG_CHANNELS.has(queue.channel);
      const setup: StaffingSetup = {
        queueId: queue.id,
        channel: queue.channel,
        timeZone: timeZoneOf(queue.officeId),
        targetSeconds: queue.targets?.firstResponseSeconds ?? DEFAULT_FIRST_RESPONSE_TARGET_SECONDS[queue.channel],
        slaWindow: queue.windows.firstResponse,
        handleSetting: queue.staffing?.handleTimeSeconds ?? null,
        patienceSeconds: erlang ? (queue.staffing?.patienceSeconds ?? DEFAULT_PATIENCE_SECONDS[queue.channel as 'chat' | 'phone']) : null,
      };
      return [queue.id, setup];
    }),
  );
}

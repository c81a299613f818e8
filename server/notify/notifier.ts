import type { Office, Queue, QueueGroup } from '../../shared/model';
import type { DeadLetterActionResult, DeadLetterMessage } from '../../shared/protocol/webhook-protocol';
import { parseWith } from '../../shared/protocol/validation';
import type { WebhooksSettings } from '../config/webhooks-config';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { MetricsRegistry } from '../runtime/prometheus';
import type { DeadLetter, DeadLetterList } from './dead-letters';
import { TargetQueue, type DeadLetterReason } from './delivery/target-queue';
import type { Timers } from './delivery/timers';
import { createSender, type SendAttempt } from './delivery/webhook-sender';
import { textIn, type FloorNames } from './message-view';
import { OutboundEventSchema, type Notify, type OutboundEvent } from './outbound-event';
import { groupIndex, quietHoursOf, routeMatches } from './routing';
import type { ResolvedWebhookTarget } from './webhook-targets';

export interface NotifierOptions {
  targets: readonly ResolvedWebhookTarget[];
  settings: Pick<WebhooksSettings, 'retry' | 'timeoutSeconds' | 'deadLetterLimit'>;
  offices: readonly Office[];
  queues: readonly Queue[];
  groups: readonly QueueGroup[];
  clock: Clock;
  timers: Timers;
  fetch: typeof fetch;
  random: () => number;
  logger: Logger;
  deadLetters: DeadLetterList;
  /** The gateway's /metrics registry; null in tests of other parts. */
  registry: MetricsRegistry | null;
  /** Replaces the HTTP sender (tests of routing and queues). */
  send?: SendAttempt;
}

interface Target {
  readonly config: ResolvedWebhookTarget;
  readonly queue: TargetQueue;
  readonly quiet: (wallNow: number) => boolean;
}

/**
 * Outbound notifications: `notify(event)` checks the event, and for each target whose routes take it (and
 * whose quiet hours do not hold it back: only critical events pass them, the others are dropped and
 * counted) queues it for delivery. Failed deliveries end in the dead-letter list, which managers read,
 * retry and delete from the settings pane.
 */
export class Notifier {
  private readonly targets: ReadonlyMap<string, Target>;
  private readonly groups: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly counters;

  constructor(private readonly options: NotifierOptions) {
    const registry = options.registry;
    this.counters = registry && {
      events: registry.counter('queueboard_webhook_events_total', 'Outbound events per webhook target, by outcome (queued; quiet-hours: dropped as not critical during its quiet hours).'),
      invalid: registry.counter('queueboard_webhook_events_invalid_total', 'Outbound events refused before routing because they broke the event contract (logged with the field).'),
      attempts: registry.counter('queueboard_webhook_attempts_total', 'Webhook delivery attempts, by target and result (delivered, retry, failed).'),
      deadLettered: registry.counter('queueboard_webhook_dead_lettered_total', 'Events put in the dead-letter list, by target and reason (attempts, refused, overflow, stopped).'),
    };
    registry?.gauge('queueboard_webhook_queue_length', 'Events waiting for each webhook target.', () => [...this.targets.values()].map((t) => [{ target: t.config.id }, t.queue.length]));
    registry?.gauge('queueboard_webhook_dead_letters', 'Webhook deliveries in the dead-letter list now.', () => [[{}, options.deadLetters.count()]]);
    this.groups = groupIndex(options.groups);
    const send = options.send ?? createSender({ fetch: options.fetch, clock: options.clock, timeoutMs: options.settings.timeoutSeconds * 1000, floor: floorNames(options.offices, options.queues) });
    this.targets = new Map(options.targets.map((config) => [config.id, {
      config,
      quiet: quietHoursOf(config, options.offices),
      queue: new TargetQueue({
        target: config,
        send,
        timers: options.timers,
        random: options.random,
        maxAttempts: options.settings.retry.maxAttempts,
        backoff: { initialDelayMs: options.settings.retry.initialDelaySeconds * 1000, maxDelayMs: options.settings.retry.maxDelaySeconds * 1000 },
        deadLetter: (event, attempts, lastError, reason) => this.deadLetter(config.id, event, attempts, lastError, reason),
        attempted: (result) => this.counters?.attempts.inc({ target: config.id, result }),
        logger: options.logger,
      }),
    }]));
  }

  /** The one call every emitter makes (alerts, forecasts, broadcasts, incidents). */
  readonly notify: Notify = (input) => {
    const parsed = parseWith(OutboundEventSchema, input);
    if (!parsed.ok) {
      this.counters?.invalid.inc();
      this.options.logger.error('outbound event refused: it breaks the event contract (server/notify/outbound-event.ts)', { issues: parsed.issues.join('; ') });
      return;
    }
    const event = parsed.value;
    const now = this.options.clock.now();
    for (const target of this.targets.values()) {
      if (!target.config.routes.some((route) => routeMatches(route, event, this.groups))) continue;
      if (event.severity !== 'critical' && target.quiet(now)) {
        this.counters?.events.inc({ target: target.config.id, outcome: 'quiet-hours' });
        this.options.logger.debug('outbound event dropped: quiet hours', { target: target.config.id, event: event.id, kind: event.kind });
        continue;
      }
      this.counters?.events.inc({ target: target.config.id, outcome: 'queued' });
      target.queue.push(event);
    }
  };

  deadLetterList(limit: number): { entries: DeadLetterMessage[]; total: number } {
    return { entries: this.options.deadLetters.list(limit).map(toMessage), total: this.options.deadLetters.count() };
  }

  /** Sends a dead-lettered event to its target again, with fresh attempts; a new failure lists it again. */
  retry(id: number, actor: string): DeadLetterActionResult {
    const entry = this.options.deadLetters.get(id);
    if (!entry) return notFound(id);
    const target = this.targets.get(entry.targetId);
    if (!target) return { ok: false, code: 'invalid', issues: [`id: delivery ${id} was for target "${entry.targetId}", which is no longer configured; delete it instead`] };
    this.options.deadLetters.take(id);
    this.options.logger.info('dead-lettered webhook sent again', { target: entry.targetId, event: entry.event.id, by: actor });
    target.queue.push(entry.event);
    return { ok: true, targetId: entry.targetId };
  }

  remove(id: number, actor: string): DeadLetterActionResult {
    const entry = this.options.deadLetters.take(id);
    if (!entry) return notFound(id);
    this.options.logger.info('dead-lettered webhook deleted', { target: entry.targetId, event: entry.event.id, by: actor });
    return { ok: true, targetId: entry.targetId };
  }

  /** Resolves once no target has anything waiting (tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.targets.values()].map((t) => t.queue.settled()));
  }

  /** Stops delivery; what still waits goes to the dead-letter list (call before the store closes). */
  stop(): void {
    for (const target of this.targets.values()) target.queue.stop();
  }

  private deadLetter(targetId: string, event: OutboundEvent, attempts: number, lastError: string, reason: DeadLetterReason): void {
    this.counters?.deadLettered.inc({ target: targetId, reason });
    try {
      this.options.deadLetters.add({ targetId, event, attempts, lastError, failedAt: this.options.clock.now() }, this.options.settings.deadLetterLimit);
    } catch (error) {
      this.options.logger.error('could not keep a failed webhook delivery in the dead-letter list', { target: targetId, event: event.id, error: (error as Error).message });
    }
  }
}

function notFound(id: number): DeadLetterActionResult {
  return { ok: false, code: 'not-found', issues: [`id: no failed delivery ${id}; it may have been retried or deleted already`] };
}

function toMessage(entry: DeadLetter): DeadLetterMessage {
  const { event } = entry;
  const subject = event.kind === 'incident' ? event.incident.title : event.kind === 'broadcast' ? textIn(event.broadcast.text, 'en') : null;
  return {
    id: entry.id,
    targetId: entry.targetId,
    eventId: event.id,
    kind: event.kind,
    severity: event.severity,
    queueIds: event.queueIds,
    subject,
    attempts: entry.attempts,
    lastError: entry.lastError.slice(0, 1000),
    failedAt: entry.failedAt,
  };
}

/** Queue and office names in each language, as the configuration gives them. */
export function floorNames(offices: readonly Office[], queues: readonly Queue[]): FloorNames {
  const byQueue = new Map(queues.map((q) => [q.id, q]));
  const byOffice = new Map(offices.map((o) => [o.id, o]));
  return {
    defaultTimeZone: offices[0]?.timeZone ?? 'UTC',
    queueName: (queueId, language) => {
      const queue = byQueue.get(queueId);
      return queue ? (queue.names?.[language] ?? queue.name) : queueId;
    },
    officeOf: (queueId, language) => {
      const office = byOffice.get(byQueue.get(queueId)?.officeId ?? '');
      return office ? { name: office.names?.[language] ?? office.name, timeZone: office.timeZone } : null;
    },
  };
}

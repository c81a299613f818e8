import type { Role } from '../../shared/protocol/admin-protocol';
import {
  BROADCAST_START_SLACK_MS,
  type Broadcast,
  type BroadcastList,
  type BroadcastResult,
  type EditBroadcastRequest,
  type PostBroadcastRequest,
} from '../../shared/protocol/broadcast-protocol';
import type { Clock, Scheduler } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { BroadcastContent, BroadcastPersistence, BroadcastRecord } from './broadcast-record';
import { audienceRefusals, contentProblems, reachedQueues, type BroadcastWorld } from './broadcast-rules';
import { BroadcastSchedule, type ScheduleState } from './broadcast-schedule';

export interface BroadcastServiceOptions {
  persistence: BroadcastPersistence | null;
  world: BroadcastWorld;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  newId: () => string;
  /** How often starts and ends are looked for (default every second: a banner leaves within a second of its end). */
  checkEveryMs?: number;
}

/** Where the list goes whenever it changes: every screen (server/socket/socket-gateway.ts). */
export interface BroadcastSink {
  broadcasts(list: BroadcastList): void;
}

type Refusal = Extract<BroadcastResult, { ok: false }>;
const refuse = (code: Refusal['code'], issues: string[]): Refusal => ({ ok: false, code, issues });

/**
 * The broadcasts not yet ended: posted, edited and ended by people (roles and content checked, audited),
 * started and ended by the gateway's clock, kept in the store across restarts and sent to every screen.
 */
export class BroadcastService {
  private readonly live = new Map<string, BroadcastRecord>();
  private readonly schedule: BroadcastSchedule;
  private readonly states = new Map<string, ScheduleState>();
  private sink: BroadcastSink | null = null;
  private stopChecking: (() => void) | null = null;

  constructor(private readonly options: BroadcastServiceOptions) {
    this.schedule = new BroadcastSchedule(options.clock);
  }

  /** Loads the broadcasts the previous run left on the walls; any whose end passed meanwhile expires now. */
  restore(): number {
    for (const record of this.options.persistence?.open() ?? []) this.hold(record);
    this.check();
    return this.live.size;
  }

  connect(sink: BroadcastSink): void {
    this.sink = sink;
  }

  start(): void {
    this.stopChecking ??= this.options.scheduler.every(this.options.checkEveryMs ?? 1000, () => this.check());
  }

  stop(): void {
    this.stopChecking?.();
    this.stopChecking = null;
  }

  /** Every broadcast not yet ended, as screens get it (in the snapshot and the `broadcasts` event). */
  current(): Broadcast[] {
    return [...this.live.values()].map((record) => this.toWire(record, this.schedule.state(record.id)));
  }

  list(): BroadcastList {
    return { serverTime: this.options.clock.now(), broadcasts: this.current() };
  }

  post(request: PostBroadcastRequest, actor: string, role: Role): BroadcastResult {
    const now = this.options.clock.now();
    // A start a moment ago (the desk's clock, the network) is now; further back is refused below.
    const startsAt = request.startsAt === undefined || (request.startsAt < now && request.startsAt >= now - BROADCAST_START_SLACK_MS) ? now : request.startsAt;
    const content: BroadcastContent = { ...request, startsAt, linkedQueueIds: [...new Set(request.linkedQueueIds)] };
    const forbidden = audienceRefusals(content.audience, actor, role, this.options.world.groups);
    if (forbidden.length > 0) return refuse('forbidden', forbidden);
    const problems = contentProblems(content, this.options.world, now);
    if (problems.length > 0) return refuse('invalid', problems);
    const record: BroadcastRecord = { id: this.options.newId(), content, postedBy: actor, postedAt: now, edited: null };
    this.options.persistence?.post(record, actor, now);
    this.hold(record);
    this.options.logger.info('broadcast posted', { id: record.id, actor, severity: content.severity, audience: content.audience.kind });
    return { ok: true, broadcast: this.changed(record) };
  }

  edit(request: EditBroadcastRequest, actor: string, role: Role): BroadcastResult {
    const { broadcastId, ...changes } = request;
    const before = this.live.get(broadcastId);
    if (!before) return this.unknown(broadcastId);
    const content: BroadcastContent = { ...before.content, ...changes };
    if (changes.linkedQueueIds) content.linkedQueueIds = [...new Set(changes.linkedQueueIds)];
    const forbidden = [...this.mayChange(before, actor, role), ...audienceRefusals(content.audience, actor, role, this.options.world.groups)];
    if (forbidden.length > 0) return refuse('forbidden', [...new Set(forbidden)]);
    const now = this.options.clock.now();
    const problems = contentProblems(content, this.options.world, now, before.content.startsAt);
    if (problems.length > 0) return refuse('invalid', problems);
    const after: BroadcastRecord = { ...before, content, edited: { by: actor, at: now } };
    this.options.persistence?.edit(before, after, actor, now);
    this.hold(after);
    return { ok: true, broadcast: this.changed(after) };
  }

  end(broadcastId: string, actor: string, role: Role): BroadcastResult {
    const record = this.live.get(broadcastId);
    if (!record) return this.unknown(broadcastId);
    const forbidden = this.mayChange(record, actor, role);
    if (forbidden.length > 0) return refuse('forbidden', forbidden);
    this.options.persistence?.end(record, 'ended', actor, this.options.clock.now());
    this.drop(record.id);
    this.send();
    return { ok: true, broadcast: this.toWire(record, 'ended') };
  }

  /** Starts and ends on the gateway's clock: the screens hear of it only when some broadcast's state moved. */
  check(): void {
    let moved = false;
    for (const record of [...this.live.values()]) {
      const state = this.schedule.state(record.id);
      if (state === this.states.get(record.id)) continue;
      moved = true;
      if (state !== 'ended') {
        this.states.set(record.id, state);
        continue;
      }
      try {
        this.options.persistence?.end(record, 'expired', null, this.options.clock.now());
      } catch (error) {
        // Kept on the walls rather than lost from the store: the next check tries again.
        this.options.logger.error('could not record a broadcast expiring; trying again', { id: record.id, error: (error as Error).message });
        continue;
      }
      this.drop(record.id);
    }
    if (moved) this.send();
  }

  /** A lead may change a broadcast whose whole audience they own (whoever posted it); a manager any. */
  private mayChange(record: BroadcastRecord, actor: string, role: Role): string[] {
    const refusals = audienceRefusals(record.content.audience, actor, role, this.options.world.groups);
    return refusals.length === 0 ? [] : [`broadcastId: ${actor} may not change broadcast "${record.id}", which reaches more than the queue groups they own`, ...refusals];
  }

  private unknown(broadcastId: string): Refusal {
    const known = [...this.live.keys()];
    return refuse('not-found', [`broadcastId: no broadcast "${broadcastId}" is on the walls or scheduled (it may have ended); current: ${known.join(', ') || 'none'}`]);
  }

  private hold(record: BroadcastRecord): void {
    this.live.set(record.id, record);
    this.schedule.set(record.id, record.content.startsAt, record.content.endsAt);
    // One already past its end (read back after a restart) is left for check() to expire.
    const state = this.schedule.state(record.id);
    if (state === 'ended') this.states.delete(record.id);
    else this.states.set(record.id, state);
  }

  private drop(id: string): void {
    this.live.delete(id);
    this.states.delete(id);
    this.schedule.forget(id);
  }

  /** Sends the list at once (what a person did shows within a second) and answers with the broadcast as it is now. */
  private changed(record: BroadcastRecord): Broadcast {
    this.send();
    return this.toWire(record, this.schedule.state(record.id));
  }

  private send(): void {
    this.sink?.broadcasts(this.list());
  }

  private toWire(record: BroadcastRecord, state: ScheduleState): Broadcast {
    const { content } = record;
    return {
      id: record.id,
      ...content,
      queueIds: reachedQueues(content.audience, this.options.world),
      postedBy: record.postedBy,
      postedAt: record.postedAt,
      edited: record.edited,
      state,
    };
  }
}

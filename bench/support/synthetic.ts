import { GatewayConfigSchema, CONFIG_VERSION, type GatewayConfig } from '../../server/config/config-schema';
import { DEMO_TOKENS } from '../../server/config/demo-config';
import { hashKey } from '../../server/ingest/ingest-keys';
import type { Clock } from '../../server/runtime/clock';
import type { Source, SourceSink } from '../../server/sources/source';

/** The queue whose backlog carries a sequence number: the latency benchmarks look for each value on screen. */
export const MARKER_QUEUE = 'q-000';
const CHANNELS = ['email', 'chat', 'phone', 'trustpilot', 'facebook', 'instagram', 'x', 'linkedin'] as const;
const OFFICES = [
  { id: 'lisbon', name: 'Lisbon', timeZone: 'Europe/Lisbon', locale: 'pt-PT' },
  { id: 'amsterdam', name: 'Amsterdam', timeZone: 'Europe/Amsterdam', locale: 'nl-NL' },
  { id: 'dublin', name: 'Dublin', timeZone: 'Europe/Dublin', locale: 'en-IE' },
];

/** `count` push queues over three offices, with the demo's role tokens (the manager saves thresholds). */
export function syntheticConfig(count: number): GatewayConfig {
  return GatewayConfigSchema.parse({
    version: CONFIG_VERSION,
    offices: OFFICES,
    queues: Array.from({ length: count }, (_, i) => ({
      id: `q-${String(i).padStart(3, '0')}`,
      name: `Queue ${i}`,
      officeId: OFFICES[i % OFFICES.length]!.id,
      channel: CHANNELS[i % CHANNELS.length],
      team: { name: `Team ${i % 12}`, kind: i % 5 === 0 ? 'partner' : 'in-house' },
      source: { kind: 'push' },
    })),
    auth: { anonymous: 'display', tokens: DEMO_TOKENS.map(({ token, name, role }) => ({ name, role, sha256: hashKey(token) })) },
  });
}

/**
 * Sets a reading on every queue every `intervalMs` (real time): backlog walks at random, except the marker
 * queue, whose backlog is a counter. `readingAt` remembers when each counter value entered the gateway.
 */
export class ReadingSource implements Source {
  readonly id = 'bench';
  readonly durable = false;
  readonly expectedIntervalMs: number;
  readonly queueIds: readonly string[];
  readonly readingAt = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private counter = 0;
  private readonly backlogs: number[];
  private seed = 12345;

  constructor(
    queueIds: readonly string[],
    private readonly clock: Clock,
    private readonly intervalMs = 1000,
  ) {
    this.queueIds = queueIds;
    this.expectedIntervalMs = intervalMs;
    this.backlogs = queueIds.map((_, i) => 10 + (i % 40));
  }

  start(sink: SourceSink): void {
    const tick = () => {
      const at = this.clock.now();
      this.counter += 1;
      this.readingAt.set(this.counter, Date.now());
      if (this.readingAt.size > 10_000) this.readingAt.delete(this.counter - 10_000);
      this.queueIds.forEach((queueId, i) => {
        const backlog = queueId === MARKER_QUEUE ? this.counter : (this.backlogs[i] = Math.max(0, this.backlogs[i]! + this.step()));
        sink.reading(this.id, queueId, { at, backlog, agentsOnline: 5 + (i % 7), oldestWaitingSeconds: 30 + (backlog % 60) });
      });
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A small deterministic random walk: -1, 0 or +1. */
  private step(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31;
    return (this.seed % 3) - 1;
  }
}

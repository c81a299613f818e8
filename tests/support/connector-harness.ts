import { onTestFinished } from 'vitest';
import type { QueueReadingInput, TicketEvent } from '../../shared/ingest';
import type { FetchLike } from '../../server/sources/http/polite-client';
import type { ConnectorCapabilities } from '../../server/sources/polling/connector-capabilities';
import type { PolledSource } from '../../server/sources/polling/polled-source';
import type { SourceStatus } from '../../server/sources/source';
import { capturingLogger, fakeSleep, startFakeHelpdesk, type Route } from './fake-helpdesk';
import { FakeTime } from './fake-time';

export interface ConnectorHarnessOptions {
  /** The fake clock's start. */
  now: number;
  /** How the fake helpdesk answers. */
  route: Route;
  /** Builds the connector under test against the fake helpdesk's base URL with fake capabilities. */
  create: (baseUrl: string, capabilities: ConnectorCapabilities) => PolledSource;
  /** Wraps the real fetch, e.g. to make one request fail at the network level. */
  fetch?: (real: FetchLike) => FetchLike;
  env?: Readonly<Record<string, string | undefined>>;
  /** How far poll() moves the clock: the connection's poll interval. */
  pollMs?: number;
}

/**
 * A connector started against a helpdesk on loopback with fake time, having finished its first poll;
 * it records everything the connector reported. The helpdesk is closed when the test ends.
 */
export async function startConnector(options: ConnectorHarnessOptions) {
  const time = new FakeTime(options.now);
  const helpdesk = await startFakeHelpdesk(options.route, time);
  onTestFinished(helpdesk.close);
  const logger = capturingLogger();
  const { sleep, waits } = fakeSleep(time);
  const realFetch: FetchLike = (url, init) => fetch(url, init);
  const source = options.create(helpdesk.baseUrl, {
    fetch: options.fetch ? options.fetch(realFetch) : realFetch,
    clock: time,
    scheduler: time,
    sleep,
    random: () => 0.5,
    logger,
    env: options.env ?? {},
  });
  const events: TicketEvent[] = [];
  const readings: QueueReadingInput[] = [];
  const queueReadings: Array<{ queueId: string; reading: QueueReadingInput }> = [];
  const statuses: SourceStatus[] = [];
  source.start({
    events: (_id, batch) => events.push(...batch),
    reading: (_id, queueId, reading) => {
      readings.push(reading);
      queueReadings.push({ queueId, reading });
    },
    status: (_id, status) => statuses.push(status),
  });
  await source.settled();
  const poll = async () => {
    time.advance(options.pollMs ?? 60_000);
    await source.settled();
  };
  return { time, helpdesk, logger, waits, source, events, readings, queueReadings, statuses, poll };
}

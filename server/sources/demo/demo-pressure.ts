import { createRandom, hashString } from './random';

/** Standing pressure on particular demo queues: an understaffed partner chat in Amsterdam. */
const DEMO_PRESSURE: Readonly<Record<string, number>> = { 'ams-chat-de': 1.25 };

/**
 * How much busier than its channel's profile a demo queue is (0.8–1.1, fixed by the seed): the live traffic
 * and the generated weeks of history use the same figure, so the baseline learnt from one fits the other.
 */
export function demoPressure(seed: number, queueId: string): number {
  return DEMO_PRESSURE[queueId] ?? 0.8 + 0.3 * createRandom(hashString(`${seed}:${queueId}:pressure`)).next();
}

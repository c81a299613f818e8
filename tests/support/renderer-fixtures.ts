import { LISBON_OFFICE } from './one-office';
import { EMPTY_METRICS } from '../../shared/metrics';
import { PROTOCOL_VERSION, type QueueState, type Snapshot } from '../../shared/protocol/protocol';

export const lisbon = { ...LISBON_OFFICE };
export const amsterdam = { id: 'amsterdam', name: 'Amsterdam', timeZone: 'Europe/Amsterdam', locale: 'nl-NL' };

export const chatQueue = { id: 'lis-chat', name: 'Chat Portugal', officeId: 'lisbon', channel: 'chat', team: { name: 'Lisbon Care', kind: 'in-house' } } as const;
export const emailQueue = { id: 'lis-email', name: 'Email Spain', officeId: 'lisbon', channel: 'email', team: { name: 'Tagus Contact', kind: 'partner' } } as const;
export const phoneQueue = { id: 'ams-phone', name: 'Phone Netherlands', officeId: 'amsterdam', channel: 'phone', team: { name: 'Amsterdam Care', kind: 'in-house' } } as const;

export function state(queueId: string, overrides: Partial<QueueState> = {}): QueueState {
  return {
    queueId,
    metrics: { ...EMPTY_METRICS, backlog: 4, firstResponseP90: 75, resolutionP90: 1200 },
    health: { status: 'ok', metrics: { backlog: 'ok', firstResponseP90: 'ok', resolutionP90: 'ok' }, stale: null, atRisk: null },
    updatedAt: 1_700_000_000_000,
    ...overrides,
    ...(overrides.metrics ? { metrics: { ...EMPTY_METRICS, ...overrides.metrics } } : {}),
  } as QueueState;
}

export function snapshot(seq = 0, overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    protocol: PROTOCOL_VERSION,
    serverTime: 1_700_000_000_000,
    seq,
    offices: [lisbon, amsterdam],
    queues: [chatQueue, emailQueue, phoneQueue],
    states: [state('lis-chat'), state('lis-email'), state('ams-phone')],
    alerts: [],
    ...overrides,
  } as Snapshot;
}

import type { Transition } from '../../shared/ipc/desk-contract';

/** A critical threshold transition of Chat Portugal; override what the test is about. */
export const transition = (overrides: Partial<Transition> = {}): Transition => ({
  alertId: 'alert-1',
  queueId: 'lis-chat-pt',
  queueName: 'Chat Portugal',
  officeName: 'Lisbon',
  kind: 'threshold',
  level: 'critical',
  metricLabel: 'First response p90',
  valueText: '12 min',
  projectedMinutes: null,
  at: 1_000,
  ...overrides,
});

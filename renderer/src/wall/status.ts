import type { QueueStatus } from '../../../shared/health/thresholds';

/** Each status has a colour, a shape and a word, so it reads without colour vision too. */
export interface StatusLook {
  word: string;
  shape: 'circle' | 'triangle' | 'octagon' | 'dash' | 'hourglass';
  className: string;
}

export const STATUS_LOOKS: Readonly<Record<QueueStatus, StatusLook>> = {
  ok: { word: 'OK', shape: 'circle', className: 'status-ok' },
  warning: { word: 'Warning', shape: 'triangle', className: 'status-warning' },
  critical: { word: 'Critical', shape: 'octagon', className: 'status-critical' },
  'no-data': { word: 'No data', shape: 'dash', className: 'status-no-data' },
  stale: { word: 'Stale', shape: 'hourglass', className: 'status-stale' },
};

/** Stale outranks OK on a header: a wall must not claim all is well while some of its data is old. */
const RANK: Readonly<Record<QueueStatus, number>> = { 'no-data': 0, ok: 1, stale: 2, warning: 3, critical: 4 };

export function worstStatus(statuses: Iterable<QueueStatus>): QueueStatus {
  let worst: QueueStatus = 'no-data';
  for (const status of statuses) if (RANK[status] > RANK[worst]) worst = status;
  return worst;
}

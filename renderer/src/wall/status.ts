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

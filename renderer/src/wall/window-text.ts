import type { TFunction } from 'i18next';
import type { MetricId, MetricValues } from '../../../shared/metrics';
import type { QueueWindows } from '../../../shared/percentile-window';
import { formatDuration } from '../format/duration';

/** Which window each percentile is taken over. */
const WINDOW_OF: Partial<Record<MetricId, keyof QueueWindows>> = {
  firstResponseP50: 'firstResponse',
  firstResponseP90: 'firstResponse',
  resolutionP50: 'resolution',
  resolutionP90: 'resolution',
  slaAttainment: 'firstResponse',
};

/** A rolling window's length: whole hours up to two days as hours ("24h" reads as a window, "1d" as an age). */
function spanText(minutes: number): string {
  return minutes % 60 === 0 && minutes <= 48 * 60 ? `${minutes / 60}h` : formatDuration(minutes * 60);
}

/** The span of a window as a label ends with it: "today", "1h", "24h". */
export function windowText(window: QueueWindows[keyof QueueWindows], t: TFunction): string {
  return window === 'today' ? t('tiles.windowToday') : t('tiles.windowRolling', { duration: spanText(window) });
}

/** The span a metric covers as a tile shows it beside its label ("· today"), or null for a metric without a window. */
export function windowSuffix(id: MetricId, windows: QueueWindows | undefined, t: TFunction): string | null {
  const which = WINDOW_OF[id];
  if (!windows || !which) return null;
  return t('tiles.windowSuffix', { window: windowText(windows[which], t) });
}

/** A metric's label with the span it covers ("First reply p90 · today"); unchanged for a metric without a window. */
export function labelWithWindow(id: MetricId, label: string, windows: QueueWindows | undefined, t: TFunction): string {
  const which = WINDOW_OF[id];
  if (!windows || !which) return label;
  return t('tiles.windowLabel', { label, window: windowText(windows[which], t) });
}

/**
 * What an empty percentile means on a queue with open tickets, instead of a bare dash: no first reply in the
 * window while the oldest has waited so long, or nothing solved in it. Null when the figure has a value or
 * nothing is open (a dash is then the truth: nothing to measure).
 */
export function emptyWindowText(id: MetricId, metrics: MetricValues | undefined, windows: QueueWindows | undefined, t: TFunction): string | null {
  if (!metrics || metrics[id] !== null || !(metrics.backlog && metrics.backlog > 0)) return null;
  const which = WINDOW_OF[id];
  if (which === 'firstResponse') {
    const waited = metrics.oldestWaitingSeconds;
    return waited === null ? null : t('tiles.noReply', { duration: formatDuration(waited) });
  }
  if (which === 'resolution' && windows) {
    const window = windows.resolution;
    return window === 'today' ? t('tiles.noneSolvedToday') : t('tiles.noneSolvedIn', { duration: spanText(window) });
  }
  return null;
}

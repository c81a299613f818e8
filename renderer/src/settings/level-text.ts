import type { TFunction } from 'i18next';
import { METRICS, type MetricId } from '../../../shared/metrics';
import { ENGLISH, type Translate } from './translate';

/**
 * Levels as a manager types them. Time metrics are entered in minutes ("5", "2.5") or with units
 * ("1h 30m", "45s", "2h"), and sent as seconds; counts and percentages are plain numbers.
 */
export type ParsedLevel = { ok: true; value: number } | { ok: false; problem: string };

const UNIT_SECONDS: Readonly<Record<string, number>> = { d: 86400, h: 3600, m: 60, s: 1 };
const DURATION = /^(?:(\d+(?:\.\d+)?)\s*([dhms]))(?:\s*(\d+(?:\.\d+)?)\s*([dhms]))?(?:\s*(\d+(?:\.\d+)?)\s*([dhms]))?$/i;

export function isTimeMetric(metric: MetricId): boolean {
  return METRICS[metric].unit === 'seconds';
}

/** Parses one level; `field` names it in the problem ("warning: …"), in the language of `t`. */
export function parseLevel(metric: MetricId, text: string, field: 'warning' | 'critical', t: Translate = ENGLISH): ParsedLevel {
  const trimmed = text.trim().replace(',', '.');
  const name = t(`rules.field.${field}`);
  if (trimmed === '') return { ok: false, problem: t('rules.required', { field: name }) };
  if (!isTimeMetric(metric)) {
    const value = Number(trimmed);
    if (!Number.isFinite(value)) return { ok: false, problem: t('rules.notNumber', { field: name, text }) };
    return { ok: true, value };
  }
  const seconds = parseDuration(trimmed);
  if (seconds === null) return { ok: false, problem: t('rules.notDuration', { field: name, text }) };
  return { ok: true, value: seconds };
}

/** Seconds from "5" (minutes), "2.5", "1h 30m", "90s"; null when it is neither. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 60);
  const match = DURATION.exec(trimmed);
  if (!match) return null;
  let seconds = 0;
  const seen = new Set<string>();
  for (let i = 1; i < match.length; i += 2) {
    if (match[i] === undefined) continue;
    const unit = match[i + 1]!.toLowerCase();
    if (seen.has(unit)) return null;
    seen.add(unit);
    seconds += Number(match[i]) * UNIT_SECONDS[unit]!;
  }
  return Math.round(seconds);
}

/** How a level is shown in an input: seconds as "1h 30m", "5m", "45s"; other metrics as the number. */
export function formatLevel(metric: MetricId, value: number): string {
  return isTimeMetric(metric) ? formatDurationInput(value) : String(value);
}

export function formatDurationInput(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [['h', 3600], ['m', 60], ['s', 1]] as const) {
    const whole = Math.floor(rest / size);
    if (whole > 0) parts.push(`${whole}${unit}`);
    rest -= whole * size;
  }
  return parts.length === 0 ? '0m' : parts.join(' ');
}

/** The unit hint beside a metric's inputs, in the screen's language. */
export function unitHint(metric: MetricId, t: TFunction): string {
  const unit = METRICS[metric].unit;
  if (unit !== 'count') return t(`settings.unit.${unit}`);
  return t(metric === 'agentsOnline' ? 'settings.unit.agents' : 'settings.unit.tickets');
}

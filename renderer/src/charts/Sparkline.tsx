import { memo } from 'react';

export interface SparklineProps {
  /** Oldest first; null is a gap (no data that minute). */
  values: readonly (number | null)[];
  width: number;
  height: number;
  /** Fixed bounds; by default the line spans the values' own minimum and maximum. */
  min?: number;
  max?: number;
  className?: string;
  label?: string;
}

/**
 * A sparkline as one SVG path: no layout, no axes, no animation. Drawn with a viewBox, so CSS may size it.
 * Costs one string and one attribute per update: bench/sparklines compares it with recharts at wall scale,
 * and it is a drop-in for a recharts LineChart of one series where that is too slow.
 */
export const Sparkline = memo(function Sparkline({ values, width, height, min, max, className, label }: SparklineProps) {
  return (
    <svg className={className} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <path d={sparklinePath(values, width, height, min, max)} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
});

/** The path's `d`: a move at the start of each run of values, lines within it. */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, min?: number, max?: number): string {
  let lo = min ?? Infinity;
  let hi = max ?? -Infinity;
  if (min === undefined || max === undefined) {
    for (const v of values) {
      if (v === null) continue;
      if (min === undefined && v < lo) lo = v;
      if (max === undefined && v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return '';
  const span = hi - lo || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let d = '';
  let drawing = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      drawing = false;
      continue;
    }
    const x = (i * step).toFixed(1);
    const y = (height - ((v - lo) / span) * height).toFixed(1);
    d += `${drawing ? 'L' : 'M'}${x} ${y}`;
    drawing = true;
  }
  return d;
}

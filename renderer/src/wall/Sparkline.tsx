import { memo } from 'react';
import { sparklinePath } from '../charts/Sparkline';
import type { BacklogSeries } from '../store/history-slice';

export interface SparklineProps {
  series: BacklogSeries | undefined;
  /** Read by screen readers; the chart itself is decoration beside the numbers. */
  label: string;
  /** The usual backlog at this time of day (server/forecast/), drawn as a band behind the line; absent while learning. */
  band?: { low: number; high: number } | null;
}

const WIDTH = 100;
const HEIGHT = 40;

/**
 * The queue's recent backlog as a filled line, from zero so a small wobble does not look like a surge.
 * Plain SVG paths scaled by a viewBox: bench/sparklines measured recharts at 408 ms per redraw of 300 tiles
 * against 8 ms for this, and a wall redraws every sparkline each minute. Memoised on the series, which
 * changes once a minute, so the tile's other updates do not redraw it.
 */
export const Sparkline = memo(function Sparkline({ series, label, band = null }: SparklineProps) {
  const values = series?.values ?? [];
  const points = values.length;
  let max = band?.high ?? 0;
  for (const v of values) if (v !== null && v > max) max = v;
  const line = points > 1 ? sparklinePath(values, WIDTH, HEIGHT, 0, max || 1) : '';
  // Until two minutes are known (a fresh wall before the gateway's hour arrives) the box shows it is still
  // gathering, striped, with no line: a flat or empty line would read as a steady or an empty queue.
  return (
    <div className={line ? 'tile-spark' : 'tile-spark spark-pending'} data-testid="sparkline" data-points={points} data-state={line ? 'drawn' : 'pending'} role="img" aria-label={label}>
      {line && (
        <svg className="spark-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {band && <UsualBand low={band.low} high={band.high} max={max || 1} />}
          <path className="spark-area" d={areaUnder(line)} />
          <path className="spark-line" d={line} vectorEffect="non-scaling-stroke" />
        </svg>
      )}
    </div>
  );
});

/** The usual range as a faint band across the chart, on the line's own scale (from zero to `max`). */
function UsualBand({ low, high, max }: { low: number; high: number; max: number }) {
  const top = HEIGHT - (high / max) * HEIGHT;
  const height = Math.max(0.5, ((high - low) / max) * HEIGHT);
  return <rect className="spark-band" data-testid="sparkline-band" x={0} y={top} width={WIDTH} height={height} fill="currentColor" fillOpacity={0.1} />;
}

/** Closes each run of the line down to the baseline, so the area under it can be filled. */
export function areaUnder(line: string): string {
  return line
    .split('M')
    .filter(Boolean)
    .map((run) => {
      const coords = run.split('L');
      const first = coords[0]!.split(' ')[0];
      const last = coords.at(-1)!.split(' ')[0];
      return `M${first} ${HEIGHT}L${run}L${last} ${HEIGHT}Z`;
    })
    .join('');
}

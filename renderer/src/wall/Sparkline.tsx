import { memo } from 'react';
import { Area, AreaChart, YAxis } from 'recharts';
import type { BacklogSeries } from '../store/history-slice';

export interface SparklineProps {
  series: BacklogSeries | undefined;
  /** Read by screen readers; the chart itself is decoration beside the numbers. */
  label: string;
}

const FULL = { width: '100%', height: '100%' } as const;

/**
 * The queue's recent backlog as a filled line, from zero so a small wobble does not look like a surge. No
 * animation: it redraws once a minute on a screen nobody is watching for motion. Memoised on the series,
 * which changes once a minute, so the tile's per-second ticks do not redraw it.
 */
export const Sparkline = memo(function Sparkline({ series, label }: SparklineProps) {
  const data = series ? series.values.map((value, i) => ({ at: series.at[i], value })) : [];
  return (
    <div className="tile-spark" data-testid="sparkline" data-points={data.length} role="img" aria-label={label}>
      {data.length > 1 && (
        <AreaChart responsive style={FULL} data={data} margin={{ top: 4, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
          <YAxis hide domain={[0, 'dataMax']} />
          <Area type="monotone" dataKey="value" className="spark-line" stroke="currentColor" strokeWidth={3} fill="currentColor" fillOpacity={0.14} dot={false} isAnimationActive={false} connectNulls={false} />
        </AreaChart>
      )}
    </div>
  );
});

// A wall-sized grid of sparklines updated once a second, as the wall would be: ?chart=recharts|svg|none&count=300&points=60
// (none: the same tiles with their number only, the floor).
// Built and opened by bench/sparklines.ts; nothing here is shipped.
import { memo, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Line, LineChart, YAxis } from 'recharts';
import { Sparkline } from '../../../renderer/src/charts/Sparkline';

const params = new URLSearchParams(location.search);
const chart = params.get('chart') ?? 'svg';
const count = Number(params.get('count') ?? 300);
const points = Number(params.get('points') ?? 60);
const WIDTH = 120;
const HEIGHT = 32;

type Series = readonly number[];

const RechartsSparkline = memo(function RechartsSparkline({ values }: { values: Series }) {
  const data = values.map((v, i) => ({ i, v }));
  return (
    <LineChart width={WIDTH} height={HEIGHT} data={data} margin={{ top: 1, right: 1, bottom: 1, left: 1 }}>
      <YAxis hide domain={['dataMin', 'dataMax']} />
      <Line dataKey="v" dot={false} isAnimationActive={false} stroke="currentColor" strokeWidth={1.5} />
    </LineChart>
  );
});

const Tile = memo(function Tile({ index, values }: { index: number; values: Series }) {
  return (
    <div data-queue-id={`q-${String(index).padStart(3, '0')}`} style={{ width: WIDTH, height: HEIGHT + 14, font: '11px sans-serif' }}>
      <span data-metric="backlog">{values[values.length - 1]}</span>
      {chart === 'recharts' && <RechartsSparkline values={values} />}
      {chart === 'svg' && <Sparkline values={values} width={WIDTH} height={HEIGHT} />}
    </div>
  );
});

function next(series: Series, i: number, tick: number): Series {
  return [...series.slice(1), i === 0 ? tick : Math.max(0, series[series.length - 1]! + (((tick * 7 + i * 13) % 5) - 2))];
}

function Grid() {
  const [{ all }, setState] = useState(() => ({
    tick: 1,
    all: Array.from({ length: count }, (_, i): Series => Array.from({ length: points }, (_, p) => 10 + ((i * 7 + p * 3) % 17))),
  }));
  useEffect(() => {
    const handle = setInterval(() => setState(({ tick, all: current }) => ({ tick: tick + 1, all: current.map((series, i) => next(series, i, tick)) })), 1000);
    return () => clearInterval(handle);
  }, []);
  return (
    <>
      <div data-testid="connection-status" data-status="live" />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {all.map((values, i) => (
          <Tile key={i} index={i} values={values} />
        ))}
      </div>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Grid />);

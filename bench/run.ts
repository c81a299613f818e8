// `npm run bench [-- --quick] [-- --only=fanout,latency]`: runs the benchmarks and prints one table of figures.
// Exits non-zero only when a benchmark could not run (a harness error); a missed goal says MISSED in the table.
import { beat } from './beat';
import { broadcast } from './broadcast';
import { detection } from './detection';
import { fanout } from './fanout';
import { ingest } from './ingest';
import { latency } from './latency';
import { propagation } from './propagation';
import { scale } from './scale';
import { soak } from './soak';
import { startup } from './startup';
import { sparklines } from './sparklines';
import { formatTable, machineDetails, type Row } from './support/table';
import type { Benchmark, BenchMode } from './support/benchmark';

export const BENCHMARKS: readonly Benchmark[] = [latency, sparklines, fanout, propagation, broadcast, soak, startup, ingest, beat, detection, scale];

const flags = process.argv.slice(2);
const mode: BenchMode = flags.includes('--smoke') ? 'smoke' : flags.includes('--quick') ? 'quick' : 'full';
const only = flags.find((f) => f.startsWith('--only='))?.slice('--only='.length).split(',');
const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`--only: no benchmark named ${unknown.join(', ')}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

console.log(`Queueboard benchmarks (${mode}${mode === 'quick' ? ': shorter runs, for iteration' : ''})`);
for (const line of machineDetails()) console.log(`  ${line}`);
const rows: Row[] = [];
let failed = false;
for (const bench of BENCHMARKS.filter((b) => !only || only.includes(b.name))) {
  const started = Date.now();
  console.log(`\n▶ ${bench.name}: ${bench.title}`);
  try {
    const result = await bench.run({ mode, log: (line) => console.log(`  ${line}`) });
    rows.push(...result);
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    failed = true;
    console.error(`  ${bench.name} could not run: ${(error as Error).stack ?? String(error)}`);
  }
}
console.log(`\n${formatTable(rows)}`);
console.log('\n×floor: the figure against the same figure for the bare floor in this run (above 1 = worse). Goals are targets, not assertions.');
process.exit(failed ? 1 : 0);

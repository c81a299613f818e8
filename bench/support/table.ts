import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium';

/** One figure: its value, the floor measured in the same run (if any), and the goal it is read against. */
export interface Row {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** The same figure for the bare floor (bare socket.io server / bare page), same run; null when none. */
  floor: number | null;
  /** The goal, e.g. { max: 33 } or { min: 30000 }; null for figures reported for information. */
  goal: { max: number } | { min: number } | null;
  note?: string;
}

const fmt = (n: number | null): string => {
  if (n === null || !Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-GB');
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

/** Ratio to the floor, as "how many times worse": above 1 is slower/bigger than the floor whichever way the goal points. */
export function ratio(row: Row): number | null {
  if (row.floor === null || row.floor === 0 || !Number.isFinite(row.floor)) return null;
  const r = row.value / row.floor;
  return row.goal && 'min' in row.goal ? 1 / r : r;
}

export function verdict(row: Row): string {
  if (!row.goal) return 'info';
  const ok = 'max' in row.goal ? row.value <= row.goal.max : row.value >= row.goal.min;
  return ok ? 'met' : 'MISSED';
}

export function formatTable(rows: readonly Row[]): string {
  const head = ['bench', 'figure', 'value', 'unit', 'floor', '×floor', 'floor≤1.5×', 'goal', 'verdict', 'note'];
  const body = rows.map((row) => {
    const r = ratio(row);
    const goal = row.goal ? ('max' in row.goal ? `≤ ${fmt(row.goal.max)}` : `≥ ${fmt(row.goal.min)}`) : '';
    return [row.bench, row.figure, fmt(row.value), row.unit, fmt(row.floor), r === null ? '–' : `${r.toFixed(2)}×`, r === null ? '' : r <= 1.5 ? 'met' : 'MISSED', goal, verdict(row), row.note ?? ''];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** What the figures were measured on: they mean little without it. */
export function machineDetails(): string[] {
  const cpu = cpus();
  let chromium = 'not found';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as "not found"; the browser benchmarks then fail with a message of their own.
  }
  return [
    `CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} cores`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free)`,
    `Node ${process.version}, ${chromium}`,
    `load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  ];
}

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

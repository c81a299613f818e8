import type { Row } from './table';

/** full: the reported figures; quick: about a minute each, for iteration; smoke: seconds, to keep the harness alive. */
export type BenchMode = 'full' | 'quick' | 'smoke';

export interface BenchContext {
  mode: BenchMode;
  log: (line: string) => void;
}

export interface Benchmark {
  name: string;
  title: string;
  run(context: BenchContext): Promise<Row[]>;
}

/** Picks a duration or size by mode. */
export const byMode = <T>(mode: BenchMode, values: Record<BenchMode, T>): T => values[mode];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

import type { Benchmark } from './support/benchmark';
export const startup: Benchmark = { name: 'startup', title: 'todo', async run() { return []; } };

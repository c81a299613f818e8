import type { Benchmark } from './support/benchmark';
export const sparklines: Benchmark = { name: 'sparklines', title: 'todo', async run() { return []; } };

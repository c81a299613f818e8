import type { Benchmark } from './support/benchmark';
export const propagation: Benchmark = { name: 'propagation', title: 'todo', async run() { return []; } };

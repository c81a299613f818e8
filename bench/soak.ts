import type { Benchmark } from './support/benchmark';
export const soak: Benchmark = { name: 'soak', title: 'todo', async run() { return []; } };

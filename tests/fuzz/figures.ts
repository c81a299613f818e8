import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'test-results/fuzz-figures.json';

/** Keeps each fuzz run's figures in test-results/ (for docs/RELIABILITY.md) and prints them. */
export function recordFigures(part: string, figures: Record<string, unknown>): void {
  mkdirSync('test-results', { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // First part of this run.
  }
  all[part] = { ...figures, at: new Date().toISOString() };
  writeFileSync(FILE, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`fuzz ${part}: ${JSON.stringify(figures)}`);
}

// Types for electronegativity-gate.mjs, which the tooling tests import.
export interface Finding {
  check: string;
  file: string;
  line: number;
  /** The matched source line, normalised; null for a global finding. */
  code: string | null;
  message: string;
}
export interface Acceptance {
  check: string;
  file: string;
  code: string | null;
  reason: string;
}
export interface Verdict {
  accepted: Array<{ finding: Finding; acceptance: Acceptance }>;
  unexplained: Finding[];
  stale: Acceptance[];
}
export function normaliseCode(line: string): string;
export function findingsFromSarif(sarif: unknown, readSource: (file: string) => string): Finding[];
export function acceptanceErrors(accepted: readonly Partial<Acceptance>[]): string[];
export function judgeFindings(findings: readonly Finding[], accepted: readonly Acceptance[]): Verdict;
export function gateReport(findings: readonly Finding[], accepted: readonly Acceptance[]): Verdict & { ok: boolean; lines: string[] };

import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Validates data arriving from elsewhere; the issues name each bad field by its path. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: describeIssues(result.error.issues) };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${plain(issue)}`);
}

/** zod's wording for a missing field is "expected string, received undefined"; a person reads "is required". */
function plain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) return `is required (${issue.expected})`;
  return issue.message;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

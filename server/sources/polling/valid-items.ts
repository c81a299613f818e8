import type { z } from 'zod';
import { describeIssues } from '../../../shared/protocol/validation';
import type { Logger } from '../../runtime/logger';

/** Counts what a connector received but could not use. */
export interface SkipCounter {
  skipped: number;
}

/**
 * Validates each item of a page on its own: a bad item is counted, logged with the field that is wrong,
 * and skipped, and the rest of the page is used.
 */
export function validItems<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  what: { label: string; list: string; logger: Logger; counter: SkipCounter },
): z.infer<S>[] {
  const valid: z.infer<S>[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      return;
    }
    what.counter.skipped++;
    const id = typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : undefined;
    what.logger.warn(`${what.label} sent an item it could not use; skipped`, {
      item: `${what.list}[${index}]`,
      id,
      problem: describeIssues(parsed.error.issues).join('; '),
      skippedTotal: what.counter.skipped,
    });
  });
  return valid;
}

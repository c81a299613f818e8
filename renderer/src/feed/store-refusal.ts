import type { TFunction } from 'i18next';
import type { StoreRefusalCode } from '../../../shared/protocol/store-refusals';

/** The catalogue's sentence for each refusal about the shared store: whether the change stands is what a person must know. */
const STORE_REFUSALS: Readonly<Record<StoreRefusalCode, string>> = {
  'store-unavailable': 'commitack.storeUnavailable',
  'store-pending': 'commitack.storePending',
};

/**
 * For a command refused because the shared store did not commit it (shared/protocol/store-refusals.ts), the
 * whole notice in the screen's language, shown instead of the view's "not saved" line (a pending change was
 * made); null for any other answer.
 */
export function storeRefusalText(answer: { ok: boolean; code?: string }, t: TFunction): string | null {
  const { code } = answer;
  if (answer.ok || code === undefined || !Object.hasOwn(STORE_REFUSALS, code)) return null;
  return t(STORE_REFUSALS[code as StoreRefusalCode]);
}

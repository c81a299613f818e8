import type { TFunction } from 'i18next';
import type { StoreRefusalCode } from '../../../shared/protocol/store-refusals';

/** The catalogue's words for each refusal about the shared store: whether the change stands matters to a person. */
const STORE_REFUSALS: Readonly<Record<StoreRefusalCode, string>> = {
  'store-unavailable': 'commitack.storeUnavailable',
  'store-pending': 'commitack.storePending',
};

/**
 * What a refused command's notice lists: for a refusal about the shared store (shared/protocol/store-refusals.ts),
 * the catalogue's sentence saying whether the change was made; otherwise the gateway's issues.
 */
export function refusalIssues(answer: { code?: string; issues?: readonly string[] }, t: TFunction): string[] {
  const code = answer.code;
  return code !== undefined && Object.hasOwn(STORE_REFUSALS, code) ? [t(STORE_REFUSALS[code as StoreRefusalCode])] : [...(answer.issues ?? [])];
}

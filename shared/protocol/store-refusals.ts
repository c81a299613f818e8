/**
 * Refusals of a command that changes something, made when the shared store (PostgreSQL, QUEUEBOARD_STORE)
 * has not committed it: the answer waits for that commit, as HTTP ingest's 200 does.
 * - `store-unavailable`: the store could not be reached when the command came; nothing was changed.
 * - `store-pending`: the change was made on the evaluating gateway and every screen shows it, but the store
 *   did not commit it in time; it is written there, in order, once the store answers (lost if that gateway
 *   stops first).
 * Every command's answer schema admits both (shared/protocol/commands.test.ts).
 */
export const STORE_REFUSAL_CODES = ['store-unavailable', 'store-pending'] as const;
export type StoreRefusalCode = (typeof STORE_REFUSAL_CODES)[number];

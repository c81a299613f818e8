export { openStore, StoreError, DATABASE_FILE, type GatewayStore } from './database';
export { DamagedStoreError } from './store-errors';
export { backupStore, restoreStore } from './backup';
export { ConflictError, type ThresholdRow } from './threshold-store';
export type { AlertStore } from './alert-store';
export type { AuditEntry } from './audit-log';
export type { HistoryPoint } from './metric-history';

import type { MetricsRegistry } from '../../runtime/prometheus';
import type { SystemOfRecord } from './replicated-store';

/** /metrics for the PostgreSQL store: rows waiting to be shipped, rows let go past the bound, whether it is reachable. */
export function registerRecordMetrics(registry: MetricsRegistry, record: SystemOfRecord): void {
  registry.gauge('queueboard_store_pending_rows', 'Rows written on this gateway and not yet committed in PostgreSQL.', () => [[{}, record.stats().pendingRows]]);
  registry.gauge('queueboard_store_dropped_rows', 'History minutes and quarter hours let go since the start because PostgreSQL writes passed their bound.', () => [[{}, record.stats().droppedRows]]);
  registry.gauge('queueboard_store_unreachable', '1 while the last write to PostgreSQL failed (ingest answers 503), else 0.', () => [[{}, record.stats().failing ? 1 : 0]]);
}

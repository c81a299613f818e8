import { METRICS } from '../../../shared/metrics';
import type { Office } from '../../../shared/model';
import { formatMetric } from '../format/metric';
import type { QueuePreview } from './preview';
import { StatusChange, StatusWord } from './StatusWord';
import { USER_LOCALE } from '../format/user-locale';

export interface PreviewPanelProps {
  previews: readonly QueuePreview[];
  offices: readonly Office[];
  hasEdits: boolean;
}

/** Which queues the edits would change right now, and through which metric. */
export function PreviewPanel({ previews, offices, hasEdits }: PreviewPanelProps) {
  const changed = previews.filter((p) => p.changes.length > 0);
  const officeOf = (id: string) => offices.find((o) => o.id === id);
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="preview">
      <h2 id="preview-title" className="panel-title">Preview: right now, with your edits</h2>
      {!hasEdits && <p className="hint">Edit a value to see which queues would change state. Pending periods are not applied here.</p>}
      {hasEdits && changed.length === 0 && <p className="hint">No queue would change level with these values right now.</p>}
      {changed.length > 0 && (
        <ul className="preview-list">
          {changed.map((p) => {
            const office = officeOf(p.queue.officeId);
            return (
              <li key={p.queue.id} data-testid="preview-queue" data-queue-id={p.queue.id}>
                <span className="preview-queue">
                  {p.queue.name} <span className="cell-sub">{office?.name}</span>
                </span>
                <StatusChange before={p.before} after={p.after} />
                <span className="preview-causes">
                  {p.changes.map((c) => (
                    <span key={c.metric} className="preview-cause">
                      {METRICS[c.metric].label} {formatMetric(c.metric, c.value, USER_LOCALE)}: <StatusWord status={c.before} /> → <StatusWord status={c.after} />
                    </span>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

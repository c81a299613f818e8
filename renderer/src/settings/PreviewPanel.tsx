import { useTranslation } from 'react-i18next';
import type { Office } from '../../../shared/model';
import { formatMetric } from '../format/metric';
import type { QueuePreview } from './preview';
import { StatusChange, StatusWord } from './StatusWord';
import { useUserLocale } from '../i18n/use-language-choice';

export interface PreviewPanelProps {
  previews: readonly QueuePreview[];
  offices: readonly Office[];
  hasEdits: boolean;
}

/** Which queues the edits would change right now, and through which metric. */
export function PreviewPanel({ previews, offices, hasEdits }: PreviewPanelProps) {
  const { t } = useTranslation();
  const { locale } = useUserLocale();
  const changed = previews.filter((p) => p.changes.length > 0);
  const officeOf = (id: string) => offices.find((o) => o.id === id);
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="preview">
      <h2 id="preview-title" className="panel-title">{t('settings.preview.title')}</h2>
      {!hasEdits && <p className="hint">{t('settings.preview.hint')}</p>}
      {hasEdits && changed.length === 0 && <p className="hint">{t('settings.preview.noChange')}</p>}
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
                      {t(`metric.${c.metric}`)} {formatMetric(c.metric, c.value, locale)}: <StatusWord status={c.before} /> → <StatusWord status={c.after} />
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

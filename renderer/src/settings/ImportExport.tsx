import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../feed/commands-context';
import { sessionSelectors } from '../store/session-slice';
import { useAppStore } from '../store/store-context';
import { storeRefusalText } from '../feed/store-refusal';

type Notice = { kind: 'ok' | 'error'; text: string; issues: readonly string[] };

/** Container: export the thresholds as a JSON file, import one (all or nothing, every issue shown). */
export function ImportExport({ canImport, hasEdits }: { canImport: boolean; hasEdits: boolean }) {
  const commands = useCommands();
  const { t } = useTranslation();
  const thresholds = useAppStore(sessionSelectors.thresholds);
  const revision = thresholds?.revision ?? 0;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportFile() {
    setBusy(true);
    const result = await commands.exportThresholds();
    setBusy(false);
    if (!result.ok) return setNotice({ kind: 'error', text: t('settings.importExport.exportFailed', { code: result.code }), issues: result.issues });
    const blob = new Blob([`${JSON.stringify(result.file, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `queueboard-thresholds-revision-${revision}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice({ kind: 'ok', text: t('settings.importExport.exported', { count: result.file.overrides.length, revision }), issues: [] });
  }

  async function importFile(file: File) {
    setBusy(true);
    setNotice(null);
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      setBusy(false);
      return setNotice({ kind: 'error', text: t('settings.importExport.unreadable', { file: file.name, reason: (error as Error).message }), issues: [] });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setBusy(false);
      return setNotice({ kind: 'error', text: t('settings.importExport.notJson', { file: file.name, reason: (error as Error).message }), issues: [] });
    }
    const result = await commands.importThresholds(parsed, revision);
    setBusy(false);
    if (result.ok) {
      setNotice({ kind: 'ok', text: t('settings.importExport.imported', { file: file.name, count: result.applied, revision: result.revision }), issues: [] });
    } else {
      setNotice({ kind: 'error', text: storeRefusalText(result, t) ?? t('settings.importExport.importFailed', { file: file.name, code: result.code }), issues: storeRefusalText(result, t) ? [] : result.issues });
    }
  }

  return (
    <div className="import-export">
      <button type="button" onClick={() => void exportFile()} disabled={busy}>
        {t('settings.importExport.export')}
      </button>
      {canImport && (
        <label className="button file-button">
          {t('settings.importExport.import')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            disabled={busy}
            data-testid="import-file"
            title={hasEdits ? t('settings.importExport.importTitle') : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      )}
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="import-export-notice">
          {notice.text}
          {notice.issues.length > 0 && (
            <ul>{notice.issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
          )}
          <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label={t('settings.importExport.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** FileReader rather than Blob.text(): the same in every browser and in the test DOM. */
export function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(blob);
  });
}

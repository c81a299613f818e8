import { useTranslation } from 'react-i18next';

/** What a pin button pins, named for its label: a queue, or the alert on a queue. */
export type PinTarget = { kind: 'queue' | 'alert'; name: string };

export function PinButton({ pinned, target, onToggle }: { pinned: boolean; target: PinTarget; onToggle: () => void }) {
  const { t } = useTranslation();
  const label =
    target.kind === 'queue'
      ? t(pinned ? 'desk.pin.unpinQueue' : 'desk.pin.pinQueue', { name: target.name })
      : t(pinned ? 'desk.pin.unpinAlert' : 'desk.pin.pinAlert', { name: target.name });
  return (
    <button
      type="button"
      className={`pin-button${pinned ? ' pin-button-on' : ''}`}
      aria-pressed={pinned}
      aria-label={label}
      title={t(pinned ? 'desk.pin.pinnedTitle' : 'desk.pin.pinTitle')}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M9 3h6l-1 6 4 4v2h-5v6l-1 1-1-1v-6H6v-2l4-4z" />
      </svg>
      <span className="pin-button-text">{t(pinned ? 'desk.pin.pinned' : 'desk.pin.pin')}</span>
    </button>
  );
}

export function PinButton({ pinned, label, onToggle }: { pinned: boolean; label: string; onToggle: () => void }) {
  return (
    <button
      type="button"
      className={`pin-button${pinned ? ' pin-button-on' : ''}`}
      aria-pressed={pinned}
      aria-label={pinned ? `Unpin ${label}` : `Pin ${label}`}
      title={pinned ? 'Pinned: shown in the pin window and notified. Click to unpin.' : 'Pin: keep it in the pin window and get notified'}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M9 3h6l-1 6 4 4v2h-5v6l-1 1-1-1v-6H6v-2l4-4z" />
      </svg>
      {pinned ? 'Pinned' : 'Pin'}
    </button>
  );
}

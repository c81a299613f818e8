import { memo } from 'react';
import type { StatusLook } from './status';

/**
 * The status shape: circle (ok), triangle (warning), octagon with a bar (critical), dash (no data), hourglass (stale).
 * Memoised: a tile re-renders every second on a busy gateway, its icons almost never change.
 */
export const StatusIcon = memo(function StatusIcon({ shape }: { shape: StatusLook['shape'] }) {
  return (
    <svg className="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {shape === 'circle' && <circle cx="12" cy="12" r="9" />}
      {shape === 'triangle' && (
        <>
          <path d="M12 2.5 22.5 21h-21z" />
          <path className="status-icon-mark" d="M11 9h2v6h-2zM11 16.5h2v2h-2z" />
        </>
      )}
      {shape === 'octagon' && (
        <>
          <path d="M7.5 1.5h9l6 6v9l-6 6h-9l-6-6v-9z" />
          <path className="status-icon-mark" d="M5.5 10.5h13v3h-13z" />
        </>
      )}
      {shape === 'dash' && <path d="M3 10.5h18v3H3z" />}
      {shape === 'hourglass' && <path d="M5 2h14v2h-1.5v3.5L13.5 12l4 4.5V20H19v2H5v-2h1.5v-3.5l4-4.5-4-4.5V4H5z" />}
    </svg>
  );
});

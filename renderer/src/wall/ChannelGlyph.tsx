import { memo } from 'react';
import type { Channel } from '../../../shared/model';

const PATHS: Readonly<Record<Channel, string>> = {
  email: 'M3 5h18v14H3zM3 6l9 7 9-7',
  chat: 'M4 4h16v11H9l-5 4z',
  phone: 'M6 3h4l1.5 5-2.5 1.5a11 11 0 0 0 5.5 5.5L16 12.5l5 1.5v4a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z',
  trustpilot: 'M12 2.5l2.9 6.2 6.6.7-5 4.5 1.4 6.6L12 17.2l-5.9 3.3 1.4-6.6-5-4.5 6.6-.7z',
  facebook: 'M14 8h3V4h-3a4 4 0 0 0-4 4v2H7v4h3v7h4v-7h3l1-4h-4V8z',
  instagram: 'M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4zM12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  x: 'M4 4l16 16M20 4L4 20',
  linkedin: 'M4 9h4v11H4zM6 3.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM10 9h4v2a4 4 0 0 1 7 3v6h-4v-6a2 2 0 0 0-4 0v6h-3z',
};

/** Memoised: it never changes for a tile, which re-renders every second on a busy gateway. */
export const ChannelGlyph = memo(function ChannelGlyph({ channel }: { channel: Channel }) {
  return (
    <svg className="channel-glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[channel]} />
    </svg>
  );
});

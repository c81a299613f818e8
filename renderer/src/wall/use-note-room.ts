import { useLayoutEffect, useState, type RefObject } from 'react';

/** The body's content runs past its bottom: the sparkline is at its floor and the numbers left their row. */
const overflows = (body: HTMLElement) => body.scrollHeight > body.clientHeight + 1;

/**
 * Whether a tile has room for one optional note (the SLA outlook: the desk shows it for every queue). A tile
 * already full (a partner badge, CSAT on its own line, two other notes) would push its numbers below those of
 * its row. So the note is laid out first and withdrawn, before the frame is painted, when the tile's body then
 * overflows; it is tried again when the tile's size or its other lines (`layout`) change. Measured rather than
 * counted: whether a line wraps depends on the words, the language and the font.
 */
export function useNoteRoom(tileRef: RefObject<HTMLElement | null>, wanted: boolean, layout: string): boolean {
  const [size, setSize] = useState('');
  const [noRoomFor, setNoRoomFor] = useState<string | null>(null);
  const key = `${layout}|${size}`;
  const shown = wanted && noRoomFor !== key;

  useLayoutEffect(() => {
    const tile = tileRef.current;
    if (!tile || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setSize(`${tile.clientWidth}x${tile.clientHeight}`));
    observer.observe(tile);
    return () => observer.disconnect();
  }, [tileRef]);

  useLayoutEffect(() => {
    const body = tileRef.current?.querySelector<HTMLElement>('.tile-body');
    if (!shown || !body) return;
    const check = () => {
      if (overflows(body)) setNoRoomFor(key);
    };
    check();
    // A line that wraps later (the web font arriving, a longer figure) withdraws the note too; withdrawing
    // only ever frees room, so this cannot flicker.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(body);
    return () => observer.disconnect();
  }, [tileRef, shown, key]);

  return shown;
}

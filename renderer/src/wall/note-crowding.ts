import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * How far a tile folds its notes to keep its numbers on their row: 0 shows every note; 1 shows the causes
 * as the worst one and "+N"; 2 leaves the causes out, allowed only where the tile already shows why it has
 * its colour (a headline number or the spike at that level).
 */
export type NoteCrowding = 0 | 1 | 2;

/**
 * Watches the tile's body: when its rows no longer fit (the notes above have pushed the sparkline to its floor
 * and the numbers down), it folds one step more. The body's size changes whenever the notes' height does, so a
 * ResizeObserver sees every such change, after layout and before paint. It unfolds only when what the notes say
 * (`notesKey`) or the tile's size changes, so it cannot flicker between two states.
 */
export function useNoteCrowding(body: RefObject<HTMLElement | null>, notesKey: string, most: NoteCrowding): NoteCrowding {
  const [decided, setDecided] = useState<{ key: string; level: NoteCrowding }>({ key: notesKey, level: 0 });
  const level: NoteCrowding = decided.key === notesKey ? (Math.min(decided.level, most) as NoteCrowding) : 0;
  // What is on screen now, for the observer's callback: set before the browser lays the frame out.
  const shown = useRef({ key: notesKey, level, most });
  useLayoutEffect(() => {
    shown.current = { key: notesKey, level, most };
  });

  useEffect(() => {
    const element = body.current;
    const tile = element?.parentElement;
    if (!element || !tile || typeof ResizeObserver === 'undefined') return;
    let tileSize = '';
    const observer = new ResizeObserver(() => {
      const { key, level: now, most: limit } = shown.current;
      const size = `${tile.clientWidth}x${tile.clientHeight}`;
      if (size !== tileSize && tileSize !== '' && now > 0) {
        // A new size may have room again: start from every note, and fold again if need be.
        tileSize = size;
        setDecided({ key, level: 0 });
        return;
      }
      tileSize = size;
      if (now < limit && element.scrollHeight > element.clientHeight + 1) setDecided({ key, level: (now + 1) as NoteCrowding });
    });
    observer.observe(element);
    observer.observe(tile);
    return () => observer.disconnect();
  }, [body]);

  return level;
}

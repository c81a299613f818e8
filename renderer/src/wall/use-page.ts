import { useEffect, useState } from 'react';

/**
 * The page shown, moving on every `intervalMs` when there is more than one; ArrowRight and ArrowLeft
 * turn pages by hand (and restart the timer).
 */
export function usePage(count: number, intervalMs: number): [number, (index: number) => void] {
  const [page, setPage] = useState(0);
  const [turned, setTurned] = useState(0);
  useEffect(() => {
    if (count <= 1) return;
    const handle = setInterval(() => setPage((p) => (p + 1) % count), intervalMs);
    return () => clearInterval(handle);
  }, [count, intervalMs, turned]);
  useEffect(() => {
    if (count <= 1) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      setPage((p) => (p + (event.key === 'ArrowRight' ? 1 : count - 1)) % count);
      setTurned((n) => n + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);
  const index = count > 0 ? page % count : 0;
  return [index, (next) => setPage(next)];
}

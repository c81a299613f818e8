import type { AppStore } from '../store/store';

/** The part of the Web Audio API the chime uses; tests pass a fake. */
export interface ToneContext {
  currentTime: number;
  destination: unknown;
  state?: string;
  resume?: () => Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { setValueAtTime(value: number, time: number): unknown };
    connect(node: unknown): unknown;
    start(time: number): void;
    stop(time: number): void;
  };
  createGain(): {
    gain: { setValueAtTime(value: number, time: number): unknown; exponentialRampToValueAtTime(value: number, time: number): unknown };
    connect(node: unknown): unknown;
  };
}

/** Two soft notes, falling: noticeable across a floor, over in under a second. */
function playChime(context: ToneContext) {
  if (context.state === 'suspended') {
    // Browsers keep audio off until someone touches the page, unless started to allow it (see README).
    context.resume?.().catch((error: unknown) => console.warn(`The chime cannot play: ${String(error)}`));
  }
  const start = context.currentTime + 0.02;
  [880, 660].forEach((frequency, i) => {
    const at = start + i * 0.28;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.26);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.27);
  });
}

/**
 * Chimes once when a queue turns critical (the store records the transition; a snapshot never does),
 * at most once per `quietMs` however many queues turn at once. The audio context is made on first use.
 */
export function startChime(store: AppStore, createContext: () => ToneContext, quietMs = 10_000): () => void {
  let context: ToneContext | null = null;
  let lastChimeAt = -Infinity;
  return store.subscribe((state, previous) => {
    if (state.feed.escalatedAt === previous.feed.escalatedAt) return;
    const newest = Math.max(...Object.values(state.feed.escalatedAt), -Infinity);
    const before = Math.max(...Object.values(previous.feed.escalatedAt), -Infinity);
    if (newest <= before || newest - lastChimeAt < quietMs) return;
    lastChimeAt = newest;
    context ??= createContext();
    playChime(context);
  });
}

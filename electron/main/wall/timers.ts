/** setTimeout and clearTimeout, injected so tests drive time with vitest's fake timers or their own. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

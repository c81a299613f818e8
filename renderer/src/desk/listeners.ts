/** A set of change listeners, for the small external stores of desk mode. */
export class Listeners {
  private readonly listeners = new Set<() => void>();
  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit(): void {
    for (const listener of this.listeners) listener();
  }
}

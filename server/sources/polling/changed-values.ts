/**
 * Remembers one value per queue, so a connector logs a count when it changes instead of on every poll
 * (a queue starts at `initial`: nothing to report).
 */
export class ChangedValues<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly initial: T) {}

  /** Whether the value differs from the queue's last one; remembers it either way. */
  changed(queueId: string, value: T): boolean {
    const before = this.values.has(queueId) ? this.values.get(queueId) : this.initial;
    this.values.set(queueId, value);
    return before !== value;
  }
}

import type { FeedSocket } from '../../renderer/src/feed/feed-client';

/** The socket the feed client uses, without a network: a test delivers events with `receive` and reads what was sent. */
export class FakeSocket implements FeedSocket {
  private listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  emitted: string[] = [];
  connects = 0;
  disconnects = 0;
  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as (...args: unknown[]) => void]);
  }
  emit(event: 'resync') {
    this.emitted.push(event);
  }
  connect() {
    this.connects++;
  }
  disconnect() {
    this.disconnects++;
  }
  receive(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

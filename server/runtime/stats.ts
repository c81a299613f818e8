/** Counters the gateway keeps about itself, read by /healthz (and by /metrics with the gateway engine issue). */
export class GatewayStats {
  readonly startedAt: number;
  readonly clientsByKind = new Map<string, number>();
  /** The same connections by the role of their token, then by client kind, for /metrics. */
  readonly clientsByRole = new Map<string, Map<string, number>>();
  readonly refusedHandshakes = new Map<string, number>();
  readonly rejectedMessages = new Map<string, number>();
  /** Connections the gateway dropped on purpose, by reason (slow-consumer). */
  readonly droppedClients = new Map<string, number>();
  /** Every closed socket.io connection, by engine.io's reason (transport close, ping timeout, parse error, …). */
  readonly closedConnections = new Map<string, number>();
  updatesSent = 0;

  constructor(now: number) {
    this.startedAt = now;
  }

  get connectedClients(): number {
    let total = 0;
    for (const count of this.clientsByKind.values()) total += count;
    return total;
  }
}

export function increment(counter: Map<string, number>, key: string, by = 1): void {
  counter.set(key, (counter.get(key) ?? 0) + by);
}

import { connect, createServer, type Socket } from 'node:net';

export interface StallingProxy {
  /** Where clients connect instead of the target: `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** How many connections have been opened through the proxy, and how many of them are stalled now. */
  counts(): { opened: number; stalled: number };
  /** From now on a connection whose client sends bytes containing `marker` stops being forwarded (held, not dropped). */
  stallWhenSent(marker: string): void;
  /** Forwards again everything held, and stalls nothing more. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a real server that can stall one connection: its client's bytes are held
 * unforwarded, as a connection with a long backlog or a backed-up socket holds what is queued behind it.
 * The others go on as before. Which connection stalls is picked by what it sends (a command's name).
 */
export async function startStallingProxy(targetPort: number): Promise<StallingProxy> {
  let marker: string | null = null;
  let opened = 0;
  const held = new Map<Socket, { upstream: Socket; chunks: Buffer[] }>();
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    opened++;
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      const stall = held.get(client);
      if (stall) return void stall.chunks.push(chunk);
      if (marker !== null && chunk.includes(marker)) return void held.set(client, { upstream, chunks: [chunk] });
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      held.delete(client);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    counts: () => ({ opened, stalled: held.size }),
    stallWhenSent(text) {
      marker = text;
    },
    release() {
      marker = null;
      for (const { upstream, chunks } of held.values()) for (const chunk of chunks) upstream.write(chunk);
      held.clear();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

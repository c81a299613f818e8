import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens and resolves with the address, or rejects with the listen error (EADDRINUSE names the port in index.ts). */
export function listenOn(server: Server, port: number, host?: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

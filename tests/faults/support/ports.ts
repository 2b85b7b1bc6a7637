import { AddressInfo, createServer } from 'node:net';

/** A port nothing listens on right now: a shop's notify URL (PUBLIC_URL) names its port before it starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

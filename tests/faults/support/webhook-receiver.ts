// A merchant's fulfilment system for `webhook` products, as the README tells merchants to build one: check the
// signature, do the work once per Idempotency-Key, answer 2xx. It can also hang (accept and never answer).
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { verifyFulfilmentSignature } from '../../../infrastructure/fulfilment/http-fulfilment-webhook';

export interface WebhookReceiver {
  url: string;
  /** While true, every request is held open and never answered. */
  hang: boolean;
  /** Every request seen, in order: its key and what became of it. */
  requests(): Array<{ key: string; outcome: 'hung' | 'fulfilled' | 'repeat' | 'bad-signature' }>;
  /** Keys whose work was done (the first answered request of each). */
  fulfilledKeys(): string[];
  /** Requests that were answered 2xx, per key (repeats of a done key are answered again, without new work). */
  answeredCount(key: string): number;
  close(): Promise<void>;
}

/** Checks every request's signature against `secret` (the shop's WEBHOOK_SIGNING_SECRET). */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const seen: Array<{ key: string; outcome: 'hung' | 'fulfilled' | 'repeat' | 'bad-signature' }> = [];
  const done = new Set<string>();
  const sockets = new Set<Socket>();
  const state = { hang: false };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (state.hang) {
        seen.push({ key, outcome: 'hung' });
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['x-tillbot-signature'] ?? '');
      if (!verifyFulfilmentSignature(secret, signature, body, Math.floor(Date.now() / 1000))) {
        seen.push({ key, outcome: 'bad-signature' });
        res.writeHead(401).end();
        return;
      }
      seen.push({ key, outcome: done.has(key) ? 'repeat' : 'fulfilled' });
      done.add(key);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/fulfil`,
    get hang() {
      return state.hang;
    },
    set hang(value: boolean) {
      state.hang = value;
    },
    requests: () => seen.map((r) => ({ ...r })),
    fulfilledKeys: () => seen.filter((r) => r.outcome === 'fulfilled').map((r) => r.key),
    answeredCount: (key) => seen.filter((r) => r.key === key && (r.outcome === 'fulfilled' || r.outcome === 'repeat')).length,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Where the shop's Telegram client is pointed during a bench: a minimal local Bot API that answers every method at
// once with a well-formed success, so shopper notices cost the shop what a fast remote Telegram would (one HTTPS
// call each, here plain HTTP) and never reach the internet. The bot role itself is off: nothing polls.
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface BotApiStub {
  root: string;
  calls(): number;
  close(): Promise<void>;
}

function resultFor(method: string, params: Record<string, unknown>): unknown {
  const chatId = Number(params.chat_id ?? 1) || 1;
  switch (method) {
    case 'getMe':
      return {
        id: 123456789,
        is_bot: true,
        first_name: 'Bench',
        username: 'bench_bot',
        can_join_groups: false,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      };
    case 'sendMessage':
    case 'sendPhoto':
    case 'sendDocument':
    case 'editMessageText':
      return { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: String(params.text ?? '') };
    default:
      return true;
  }
}

export async function startBotApiStub(): Promise<BotApiStub> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls += 1;
      const method = (req.url ?? '').split('?')[0]!.split('/').pop() ?? '';
      let params: Record<string, unknown> = {};
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text && (req.headers['content-type'] ?? '').includes('json')) params = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // multipart or form bodies: the answer does not depend on them
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: resultFor(method, params) }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    root: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

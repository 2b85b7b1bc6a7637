// A TCP server that plays a Redis which stops answering: a black hole, or one that completes ioredis's
// handshake (CLIENT SETINFO, INFO ready check) and then never replies to a real command.
import net from 'node:net';

export interface SilentRedisServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startSilentRedis(mode: 'black-hole' | 'hangs-after-handshake'): Promise<SilentRedisServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = '';
    socket.on('data', (chunk) => {
      if (mode === 'black-hole') return;
      buffered += chunk.toString('utf8');
      for (let parsed = parseCommand(buffered); parsed; parsed = parseCommand(buffered)) {
        buffered = buffered.slice(parsed.consumed);
        const reply = handshakeReply(parsed.args);
        if (reply) socket.write(reply);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function handshakeReply(args: string[]): string | undefined {
  const name = args[0]?.toLowerCase();
  if (name === 'client') return '+OK\r\n';
  if (name === 'info') {
    const info = '# Server\r\nloading:0\r\n';
    return `$${Buffer.byteLength(info)}\r\n${info}\r\n`;
  }
  return undefined;
}

/** One RESP array of bulk strings from the front of the buffer, or undefined until it has fully arrived. */
function parseCommand(buffer: string): { args: string[]; consumed: number } | undefined {
  const header = /^\*(\d+)\r\n/.exec(buffer);
  if (!header) return undefined;
  let at = header[0].length;
  const args: string[] = [];
  for (let i = 0; i < Number(header[1]); i += 1) {
    const bulk = /^\$(\d+)\r\n/.exec(buffer.slice(at));
    if (!bulk) return undefined;
    const start = at + bulk[0].length;
    const end = start + Number(bulk[1]);
    if (buffer.length < end + 2) return undefined;
    args.push(buffer.slice(start, end));
    at = end + 2;
  }
  return { args, consumed: at };
}

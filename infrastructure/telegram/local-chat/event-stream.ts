import type { FastifyReply, FastifyRequest } from 'fastify';

/** Often enough that proxies and the browser keep an idle stream open. */
const HEARTBEAT_MS = 15_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Runs when the page goes away (or the server closes the stream). */
  onClose(cleanup: () => void): void;
  close(): void;
}

/**
 * A server-sent events stream on a hijacked reply: `event:` + one JSON `data:` line per event, a comment line as
 * heartbeat. The browser's EventSource reconnects by itself; each connection starts with a full snapshot.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // The browser waits this long before reconnecting after a drop.
  res.write('retry: 1000\n\n');
  const cleanups: Array<() => void> = [];
  let closed = false;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const finish = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  request.raw.on('close', finish);
  res.on('close', finish);
  return {
    send(event, data) {
      if (closed) return;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(cleanup) {
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
    close() {
      finish();
      res.end();
    },
  };
}

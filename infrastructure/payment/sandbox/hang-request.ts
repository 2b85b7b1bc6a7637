import { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The "hang" knob: the request is never answered (a client's timeout is what it tests). Held until the client gives
 * up or the gateway closes (`hangs` holds the releases), then the socket is dropped without a reply.
 */
export async function hangRequest(req: FastifyRequest, reply: FastifyReply, hangs: Set<() => void>): Promise<void> {
  reply.hijack();
  await new Promise<void>((resolve) => {
    const release = () => {
      hangs.delete(release);
      resolve();
    };
    hangs.add(release);
    req.raw.socket.once('close', release);
  });
  reply.raw.destroy();
}

import { FastifyReply, FastifyRequest } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';

/**
 * The seller behind a request: the shopper's Mini App identity (checked by `access.shopper` before the body is
 * read), and the shop from OUR database — an active seller row for that Telegram user — never from the client.
 * Null (and a 403 sent) when they run no active shop.
 */
export async function sellerIdOf(opts: RouteDeps, request: FastifyRequest, reply: FastifyReply): Promise<number | null> {
  const seller = await opts.shop.sellers.findActiveSellerByTelegramUser(shopperId(request));
  if (seller) return seller.id;
  await sendError(reply, { code: 'FORBIDDEN', message: 'you do not run an active shop here' });
  return null;
}

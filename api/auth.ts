import { timingSafeEqual, createHash } from 'node:crypto';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ShopperProfile } from '../domain/account';
import { verifyInitData } from '../infrastructure/telegram/init-data';
import { Shop } from '../domain/shop';
import { Seller } from '../domain/sellers';

declare module 'fastify' {
  interface FastifyRequest {
    shopper?: ShopperProfile;
    isAdmin?: boolean;
    /** The caller's own active shop, read from our database (never from anything the client sends). */
    seller?: Seller;
  }
}

export interface AuthSettings {
  botToken: string | undefined;
  adminApiKey: string;
  initDataMaxAgeSeconds: number;
  now: () => Date;
}

const unauthorized = (reply: FastifyReply, message: string) =>
  reply
    .code(401)
    .header('WWW-Authenticate', 'tma, Bearer')
    .send({ error: { code: 'UNAUTHORIZED', message } });

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

function credentials(request: FastifyRequest): { scheme: string; value: string } | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const space = header.indexOf(' ');
  if (space <= 0) return null;
  return { scheme: header.slice(0, space).toLowerCase(), value: header.slice(space + 1).trim() };
}

const PROBLEM_TEXT: Record<string, string> = {
  MALFORMED: 'init data is malformed',
  NO_HASH: 'init data carries no hash',
  BAD_HASH: 'init data signature does not match this bot',
  NO_AUTH_DATE: 'init data has no auth_date',
  STALE: 'init data is too old; reopen the Mini App',
  FROM_THE_FUTURE: 'init data auth_date is in the future',
  NO_USER: 'init data names no user',
};

/** onRequest hooks (before the body is read): `shopper` admits a user signed by Telegram init data, `admin` the holder of ADMIN_API_KEY. */
export function authHandlers(settings: AuthSettings, shop: Shop) {
  const isAdmin = (request: FastifyRequest): boolean => {
    const c = credentials(request);
    return c !== null && c.scheme === 'bearer' && sameSecret(c.value, settings.adminApiKey);
  };

  async function shopper(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const c = credentials(request);
    if (!c || c.scheme !== 'tma') return void unauthorized(reply, 'send "Authorization: tma <Telegram Mini App init data>"');
    if (!settings.botToken) return void unauthorized(reply, 'shopper sign-in is off: the shop has no TELEGRAM_BOT_TOKEN to check init data with');
    const verified = verifyInitData(c.value, settings.botToken, settings.initDataMaxAgeSeconds, settings.now());
    if (!verified.ok) return void unauthorized(reply, PROBLEM_TEXT[verified.problem] ?? 'init data rejected');
    await shop.account.identifyShopper(verified.shopper);
    request.shopper = verified.shopper;
  }

  return {
    isAdmin,
    shopper,

    /**
     * A seller: the same Mini App init data as a shopper, and an ACTIVE shop of that Telegram user in our database.
     * A shopper without one (or whose shop is pending or suspended) is 403: signed in, but not a seller.
     */
    async seller(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      await shopper(request, reply);
      if (reply.sent || !request.shopper) return;
      const seller = await shop.sellers.findActiveSellerByTelegramUser(request.shopper.id);
      if (!seller)
        return void reply
          .code(403)
          .send({ error: { code: 'SELLER_NOT_ACTIVE', message: 'you have no active shop: apply with /sell or POST /v1/seller/application' } });
      request.seller = seller;
    },

    async admin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      if (!isAdmin(request)) return void unauthorized(reply, 'send "Authorization: Bearer <ADMIN_API_KEY>"');
      request.isAdmin = true;
    },

    /** Either: a shopper sees their own things, an admin sees everything. */
    async shopperOrAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      if (isAdmin(request)) {
        request.isAdmin = true;
        return;
      }
      const c = credentials(request);
      if (c && c.scheme === 'tma') return shopper(request, reply);
      return void unauthorized(reply, 'send "Authorization: tma <init data>" or "Authorization: Bearer <ADMIN_API_KEY>"');
    },
  };
}

export type AuthHandlers = ReturnType<typeof authHandlers>;

/** The authenticated shopper's id; the onRequest hook guarantees it is there. */
export function shopperId(request: FastifyRequest): string {
  if (!request.shopper) throw new Error('route without the shopper onRequest hook');
  return request.shopper.id;
}

/** The authenticated seller's shop; the onRequest hook guarantees it is there. */
export function sellerOf(request: FastifyRequest): Seller {
  if (!request.seller) throw new Error('route without the seller onRequest hook');
  return request.seller;
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { FastifyInstance } from 'fastify';

const DESCRIPTION = `The HTTP API of a tillbot shop: the catalog, a shopper's cart, orders and balance (for a Telegram Mini App
or any client), the WeChat Pay callbacks, and the admin's products, orders, refunds, credit and jobs.

Money is always integer minor units (fen for CNY). Every 4xx/5xx answers \`{ "error": { "code", "message", "details"? } }\`
with a stable \`code\`. \`POST /v1/orders\` needs an \`Idempotency-Key\` header (8–128 printable characters, new for each
new order; the same key replays the first answer). Requests are rate limited per IP and per shopper (429 with
\`Retry-After\` and \`x-ratelimit-*\` headers), more strictly on placing orders and checking payments.`;

/**
 * /docs (Swagger UI) and /docs/json (OpenAPI 3.1), generated from the routes' own schemas: register before the
 * routes, so @fastify/swagger sees each one as it is added.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'tillbot shop API', version: '1', description: DESCRIPTION },
      tags: [
        { name: 'catalog', description: 'Products anyone may see' },
        { name: 'cart', description: "A shopper's cart" },
        { name: 'orders', description: 'Placing, paying, checking and cancelling orders' },
        { name: 'account', description: "A shopper's credit balance and ledger" },
        { name: 'payment callbacks', description: "The payment provider's notifications (signed by the provider)" },
        { name: 'sellers', description: 'The marketplace: its shops, and a seller managing their own shop (products, imports, balance, payouts)' },
        { name: 'admin', description: 'The shop owner: products, orders, refunds, credit, jobs, sellers and their payouts' },
        { name: 'operations', description: 'Health and metrics' },
      ],
      components: {
        securitySchemes: {
          miniAppInitData: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description:
              'A shopper: `Authorization: tma <initData>` — the Telegram Mini App init data as the WebApp hands it over, signed for this bot (checked against TELEGRAM_BOT_TOKEN, at most INIT_DATA_MAX_AGE_SECONDS old).',
          },
          adminBearer: { type: 'http', scheme: 'bearer', description: 'The shop owner: `Authorization: Bearer <ADMIN_API_KEY>`.' },
          wechatpaySignature: {
            type: 'apiKey',
            in: 'header',
            name: 'Wechatpay-Signature',
            description:
              "WeChat Pay v3 signs each notification: Wechatpay-Signature over Wechatpay-Timestamp, Wechatpay-Nonce and the raw body, with the platform key named by Wechatpay-Serial; 300 s window; the resource is AES-256-GCM encrypted with the merchant's API v3 key.",
          },
          alipaySignature: {
            type: 'apiKey',
            in: 'query',
            name: 'sign',
            description:
              'Alipay signs each notification: `sign` (a form field of the body, with `sign_type` RSA2) is RSA-SHA256 with the Alipay public key over every other parameter but sign_type, sorted by key, joined k=v&….',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
}

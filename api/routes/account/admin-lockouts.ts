import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { CheckoutLockout as Lockout } from '../../../domain/account';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { CheckoutLockout } from '../../schemas/account';
import { SECURITY, UserIdParams, errorResponses } from '../../schemas/common';

const presentLockout = (l: Lockout) => ({
  userId: l.userId,
  locked: l.locked,
  lockedUntil: l.lockedUntil?.toISOString() ?? null,
  rule: l.rule,
  counting: l.counting,
  recentFailures: l.recentFailures.map((f) => ({ reason: f.reason, ref: f.ref, at: f.at.toISOString() })),
});

/** Admins see a shopper's checkout lockout and lift it. */
export async function adminLockoutRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };

  app.get(
    '/v1/admin/shoppers/:userId/lockout',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: "A shopper's checkout lockout and recent failed checkouts",
        params: UserIdParams,
        response: { 200: CheckoutLockout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.account.getCheckoutLockout(request.params.userId);
      return result.ok ? presentLockout(result.value) : sendError(reply, result.error);
    },
  );

  app.delete(
    '/v1/admin/shoppers/:userId/lockout',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: "Lift a shopper's checkout lockout",
        description: 'Checkout works again at once; the failures so far stop counting, so the next one does not lock again.',
        params: UserIdParams,
        response: { 200: CheckoutLockout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.account.liftCheckoutLockout(request.params.userId);
      return result.ok ? presentLockout(result.value) : sendError(reply, result.error);
    },
  );
}

import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import type { ReferralInfo as Info } from '../../../domain/referrals';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { SECURITY, errorResponses } from '../../schemas/common';
import { LinkReferralBody, ReferralInfo } from '../../schemas/referrals';

const present = (info: Info, currency = info.currency) => ({
  code: info.code,
  invited: info.invited,
  rewarded: info.rewarded,
  earned: { amount: info.earned, currency },
  invitedBy: info.invitedBy ? { referrerId: info.invitedBy.referrerId, status: info.invitedBy.status } : null,
  terms: {
    referrerCredit: { amount: info.terms.referrerCredit, currency },
    refereeCredit: { amount: info.terms.refereeCredit, currency },
    graceHours: info.terms.graceMs / 3_600_000,
    maxPerReferrer: info.terms.maxPerReferrer,
  },
});

/** A shopper's invite code and what it brought them; linking a new shopper to who invited them (Mini App start_param). */
export async function referralRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const shopper = { tags: ['referrals'], security: SECURITY.shopper };
  app.get(
    '/v1/referrals',
    {
      onRequest: access.shopper,
      schema: { ...shopper, summary: 'My invite code, who I invited and what it earned', response: { 200: ReferralInfo, ...errorResponses } },
    },
    async (request) => present(await shop.referrals.referralInfo(shopperId(request))),
  );
  app.post(
    '/v1/referrals/link',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'I was invited: link me to who invited me',
        description: 'New shoppers only (no order yet, not linked before); not oneself, no loops. 404 REFERRAL_CODE_UNKNOWN, 409 otherwise.',
        body: LinkReferralBody,
        response: { 200: ReferralInfo, ...errorResponses },
      },
    },
    async (request, reply) => {
      const linked = await shop.referrals.linkReferral(shopperId(request), request.body.code);
      return linked.ok ? present(await shop.referrals.referralInfo(shopperId(request))) : sendError(reply, linked.error);
    },
  );
}

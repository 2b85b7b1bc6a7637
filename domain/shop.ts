import { AccountDeps, accountContext } from './account';
import { CatalogDeps, catalogContext } from './catalog';
import { CouponsDeps, couponsContext } from './coupons';
import { MessagingDeps, messagingContext } from './messaging';
import { OrderingDeps, orderingContext } from './ordering';
import { PaymentDeps, paymentContext } from './payment';
import { ReportingDeps, reportingContext } from './reporting';
import { ReferralsDeps, referralsContext } from './referrals';
import { ReviewsDeps, reviewsContext } from './reviews';
import { RestockDeps, restockContext } from './restock';
import { SupportDeps, supportContext } from './support';
import { SellersDeps, sellersContext } from './sellers';
import { CONTEXT, ErrorCodesOf } from './shared/context';
import { SharedErrorCode } from './shared/error-codes';
import { OutboxHandler } from './shared/outbox/outbox-handler';

/** What the contexts need, together: the composition root provides it once. */
export type ShopDeps = CatalogDeps &
  AccountDeps &
  MessagingDeps &
  OrderingDeps &
  PaymentDeps &
  ReportingDeps &
  ReviewsDeps &
  ReferralsDeps &
  SupportDeps &
  RestockDeps &
  SellersDeps &
  CouponsDeps;

/**
 * The shop the doors (api/, bot/, jobs/) call: one entry per bounded context, each its context's public face
 * (`shop.ordering.deliverOrder(…)`). Adding a context is one line here (and its deps above); no use case is named.
 */
export function createShop(deps: ShopDeps) {
  return {
    catalog: catalogContext(deps),
    account: accountContext(deps),
    messaging: messagingContext(deps),
    ordering: orderingContext(deps),
    payment: paymentContext(deps),
    reporting: reportingContext(deps),
    reviews: reviewsContext(deps),
    referrals: referralsContext(deps),
    support: supportContext(deps),
    restock: restockContext(deps),
    sellers: sellersContext(deps),
    coupons: couponsContext(deps),
  };
}

export type Shop = ReturnType<typeof createShop>;

/** Every expected failure a door may see, by stable code: each context's own and the shared ones. */
export type ErrorCode = SharedErrorCode | ErrorCodesOf<Shop>;

/** Every context's outbox handlers, for the dispatcher. */
export const outboxHandlersOf = (shop: Shop): OutboxHandler[] => Object.values(shop).flatMap((context) => [...context[CONTEXT].handlers]);

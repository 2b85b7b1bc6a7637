import { Type } from '@sinclair/typebox';
import { PAYOUT_STATUSES, SELLER_LEDGER_KINDS, SELLER_STATUSES } from '../../domain/sellers';
import { DateTime, Nullable, PageOf, StringEnum } from './common';

/** What shoppers see of a shop. */
export const PublicSeller = Type.Object(
  {
    id: Type.Integer(),
    shopName: Type.String(),
    description: Type.String(),
    contact: Type.String(),
  },
  { examples: [{ id: 2, shopName: 'Tea House', description: 'Oolong and pu-erh', contact: '@teahouse' }] },
);

export const PublicSellerPage = PageOf(PublicSeller, 'a page of the active shops');

/** What admins (and the seller themself) see. */
export const Seller = Type.Composite([
  PublicSeller,
  Type.Object({
    telegramUserId: Nullable(Type.String()),
    email: Nullable(Type.String()),
    status: StringEnum(SELLER_STATUSES, { description: 'pending: applied, waiting for an admin; active; suspended; rejected' }),
    commissionBps: Nullable(Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points (1000 = 10 %); null = the platform default' })),
    effectiveCommissionBps: Type.Integer({ description: 'what applies now (own or the platform default)' }),
    confirmWindowMinutes: Nullable(Type.Integer({ minimum: 1, description: 'null = the platform default' })),
    effectiveConfirmWindowMinutes: Type.Integer(),
    autoConfirm: Type.Boolean(),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  }),
]);

export const SellerPage = PageOf(Seller, 'a page of shops');

const shopFields = {
  shopName: Type.String({ minLength: 2, maxLength: 80 }),
  contact: Type.String({ minLength: 3, maxLength: 200, description: 'how shoppers and admins reach the seller (phone, @username, mail)' }),
  description: Type.Optional(Type.String({ maxLength: 1000, description: 'what the shop sells' })),
  email: Type.Optional(Nullable(Type.String({ maxLength: 191, description: 'notices go here by mail too (when the shop sends mail)' }))),
};

export const SellerApplicationBody = Type.Object(shopFields, { additionalProperties: false });

export const CreateSellerBody = Type.Object(
  {
    ...shopFields,
    telegramUserId: Type.Optional(
      Type.String({ pattern: '^[1-9][0-9]{0,19}$', description: 'the Telegram user who runs it (gets its notices, may use the seller API)' }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateSellerBody = Type.Partial(SellerApplicationBody, { additionalProperties: false });

export const SellerTermsBody = Type.Object(
  {
    commissionBps: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points; null = back to the platform default' }))),
    confirmWindowMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 43_200, description: 'minutes; null = back to the platform default' }))),
    autoConfirm: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SellerIdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'a shop id' }) });

export const SellerStatusQuery = Type.Object({
  status: Type.Optional(StringEnum(SELLER_STATUSES)),
});

export const LedgerEntry = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(SELLER_LEDGER_KINDS, {
    description: 'sale: a completed order, net of commission; refund_clawback; payout (requested); adjustment (a cancelled payout back)',
  }),
  amount: Type.Integer({ description: 'signed minor units' }),
  commission: Type.Integer({ description: "the platform's commission on a sale (negative: given back with a refund)" }),
  orderNo: Nullable(Type.String()),
  payoutId: Nullable(Type.String()),
  createdAt: DateTime(),
});

export const SellerBalance = Type.Object({
  sellerId: Type.Integer(),
  balance: Type.Integer({ description: 'minor units; negative = a debt to the platform' }),
  currency: Type.String(),
  ledger: Type.Array(LedgerEntry, { description: 'newest first' }),
  nextBeforeId: Nullable(Type.Integer({ description: 'pass as ?beforeId= for older entries; null at the end' })),
});

export const BalanceQuery = Type.Object(
  {
    beforeId: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$' })),
    limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: 'entries per page (default 20, at most 100)' })),
  },
  { additionalProperties: false },
);

export const Payout = Type.Object({
  id: Type.String({ format: 'uuid' }),
  sellerId: Type.Integer(),
  amount: Type.Integer(),
  currency: Type.String(),
  status: StringEnum(PAYOUT_STATUSES),
  reference: Nullable(Type.String()),
  requestedAt: DateTime(),
  settledAt: Nullable(DateTime()),
});

export const PayoutPage = PageOf(Payout, 'a page of payouts, newest first');

export const PayoutRequestBody = Type.Object(
  { amount: Type.Integer({ minimum: 1, description: 'minor units, at most the balance' }) },
  { additionalProperties: false },
);

export const PayoutPaidBody = Type.Object(
  { reference: Type.String({ minLength: 1, maxLength: 191, description: 'the transfer reference' }) },
  { additionalProperties: false },
);

export const PayoutParams = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'a shop id' }),
  payoutId: Type.String({ format: 'uuid' }),
});

export const PayoutQuery = Type.Object({ status: Type.Optional(StringEnum(PAYOUT_STATUSES)) });

export const SellerDebt = Type.Object({ sellerId: Type.Integer(), balance: Type.Integer({ description: 'below zero: what the shop owes' }) });

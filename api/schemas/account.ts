import { Type } from '@sinclair/typebox';
import { CHECKOUT_FAILURE_REASONS, LEDGER_KINDS } from '../../domain/account';
import { DateTime, Money, Nullable, StringEnum } from './common';

export const LedgerEntry = Type.Object({
  amount: Type.Integer({ description: 'signed minor units: + credits the balance, − debits it' }),
  kind: StringEnum(LEDGER_KINDS),
  reason: Type.String(),
  reference: Type.String({ description: 'unique per account: the same reference never posts twice' }),
  balanceAfter: Type.Integer(),
  createdAt: DateTime(),
});

export const Account = Type.Object(
  { userId: Type.String(), balance: Money },
  { examples: [{ userId: '123456789', balance: { amount: 5000, currency: 'CNY' } }] },
);

export const AdminAccount = Type.Composite([Account, Type.Object({ ledger: Type.Array(LedgerEntry) })]);

export const AdjustmentBody = Type.Object(
  { amount: Type.Integer({ description: 'signed minor units: + gives credit, − takes it' }), reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false, examples: [{ amount: 5000, reason: 'goodwill' }] },
);

export const EmailSetting = Type.Object(
  { email: Type.Union([Type.String({ format: 'email' }), Type.Null()], { description: 'where notices are also mailed; null = no mail' }) },
  { examples: [{ email: 'me@example.com' }] },
);

export const EmailBody = Type.Object(
  { email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()], { description: 'an address, or null (or "") to stop mail' }) },
  { additionalProperties: false, examples: [{ email: 'me@example.com' }, { email: null }] },
);

export const CheckoutLockout = Type.Object(
  {
    userId: Type.String(),
    locked: Type.Boolean(),
    lockedUntil: Nullable(DateTime('checkout is refused (429 CHECKOUT_LOCKED) until then')),
    rule: Type.Object({
      failures: Type.Integer({ description: 'failed checkouts within the window that lock; 0 = the rule is off' }),
      windowMinutes: Type.Integer(),
      lockMinutes: Type.Integer(),
    }),
    counting: Type.Integer({ description: 'how many of the recent failures still count towards the next lock' }),
    recentFailures: Type.Array(
      Type.Object({
        reason: StringEnum(CHECKOUT_FAILURE_REASONS),
        ref: Nullable(Type.String({ description: 'the order or checkout number, the coupon code' })),
        at: DateTime(),
      }),
    ),
  },
  { description: "A shopper's checkout lockout (too many failed checkouts within the window) and the failures behind it" },
);

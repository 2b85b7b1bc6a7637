import { Type } from '@sinclair/typebox';
import { REFERRAL_STATUSES } from '../../domain/referrals';
import { Money, Nullable, StringEnum } from './common';

export const ReferralInfo = Type.Object(
  {
    code: Type.String({ description: 'the invite code: a new shopper opens the bot with `/start <code>` (t.me/<bot>?start=<code>)' }),
    invited: Type.Integer({ minimum: 0 }),
    rewarded: Type.Integer({ minimum: 0 }),
    earned: Money,
    invitedBy: Nullable(Type.Object({ referrerId: Type.String(), status: StringEnum(REFERRAL_STATUSES) })),
    terms: Type.Object({
      referrerCredit: Money,
      refereeCredit: Money,
      graceHours: Type.Number({ description: 'the first delivered order must stay unrefunded this long' }),
      maxPerReferrer: Type.Integer(),
    }),
  },
  {
    examples: [
      {
        code: 'ref_2lkcjs',
        invited: 2,
        rewarded: 1,
        earned: { amount: 500, currency: 'CNY' },
        invitedBy: null,
        terms: { referrerCredit: { amount: 500, currency: 'CNY' }, refereeCredit: { amount: 500, currency: 'CNY' }, graceHours: 72, maxPerReferrer: 100 },
      },
    ],
  },
);

export const LinkReferralBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64, description: "the inviter's code (the Mini App's start_param)" }) },
  { additionalProperties: false, examples: [{ code: 'ref_2lkcjs' }] },
);

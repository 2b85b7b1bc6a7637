import { SELLER_DECISIONS, SellerDecision } from '../../../domain/sellers';
import { codedField, defineAction, idField, pageField } from '../../routing/action-codec';

const admin = { adminOnly: true };
const DECISION_CODES: ReadonlyArray<readonly [SellerDecision, string]> = [
  ['approve', 'a'],
  ['reject', 'r'],
  ['suspend', 's'],
  ['reinstate', 'i'],
];
// Every decision has its one-letter code.
if (DECISION_CODES.length !== Object.keys(SELLER_DECISIONS).length) throw new Error('a seller decision has no button code');

export const adminSellersActions = {
  adminSellers: defineAction('adminSellers', 'as', { page: pageField }, admin),
  decideSeller: defineAction('decideSeller', 'sd', { id: idField, decision: codedField(DECISION_CODES) }, admin),
};

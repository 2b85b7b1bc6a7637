import { BalanceView, Seller, SellerLedgerEntry, SellerPayout } from '../../../domain/sellers';

export const presentPublicSeller = (s: Seller) => ({ id: s.id, shopName: s.shopName, description: s.description, contact: s.contact });

export const presentSeller = (s: Seller, terms: { commissionBps: number; confirmWindowMinutes: number }) => ({
  ...presentPublicSeller(s),
  telegramUserId: s.telegramUserId,
  email: s.email,
  status: s.status,
  commissionBps: s.commissionBps,
  effectiveCommissionBps: terms.commissionBps,
  confirmWindowMinutes: s.confirmWindowMinutes,
  effectiveConfirmWindowMinutes: terms.confirmWindowMinutes,
  autoConfirm: s.autoConfirm,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const presentEntry = (e: SellerLedgerEntry) => ({
  id: e.id,
  kind: e.kind,
  amount: e.amount,
  commission: e.commission,
  orderNo: e.orderNo,
  payoutId: e.payoutId,
  createdAt: e.createdAt.toISOString(),
});

export const presentBalance = (b: BalanceView) => ({
  sellerId: b.sellerId,
  balance: b.balance,
  currency: b.currency,
  ledger: b.ledger.map(presentEntry),
  nextBeforeId: b.nextBeforeId,
});

export const presentPayout = (p: SellerPayout) => ({
  id: p.id,
  sellerId: p.sellerId,
  amount: p.amount,
  currency: p.currency,
  status: p.status,
  reference: p.reference,
  requestedAt: p.requestedAt.toISOString(),
  settledAt: p.settledAt ? p.settledAt.toISOString() : null,
});

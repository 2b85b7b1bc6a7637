import { defineAction, idField, orderNoField } from '../../routing/action-codec';

const admin = { adminOnly: true };

export const supportActions = {
  /** "Contact support" on an order's screen: the ticket carries the order number. */
  supportForOrder: defineAction('supportForOrder', 'hs', { orderNo: orderNoField }),
  /** The shopper closes their ticket. */
  closeMyTicket: defineAction('closeMyTicket', 'hc', { id: idField }),
  // Staff, in a private chat with the bot (in the support group any member is staff: see support-chat.ts).
  takeTicket: defineAction('takeTicket', 'ht', { id: idField }, admin),
  staffCloseTicket: defineAction('staffCloseTicket', 'hx', { id: idField }, admin),
  reopenTicket: defineAction('reopenTicket', 'hr', { id: idField }, admin),
};

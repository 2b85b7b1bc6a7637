import { defineAction, idField, orderNoField, pageField, textField } from '../../routing/action-codec';

/** The nonce of the cart screen the checkout started from (part of its idempotency key). */
const nonceField = textField(/^[A-Za-z0-9]{6,16}$/);

export const marketplaceActions = {
  /** A seller accepts an order waiting for them (their notice's button). */
  sellerConfirm: defineAction('sellerConfirm', 'sc', { orderNo: orderNoField }),
  /** A seller refuses it: refunded, their share only. */
  sellerCancel: defineAction('sellerCancel', 'sn', { orderNo: orderNoField }),
  /** A seller handed over a confirmed order of goods a person delivers (`manual`). */
  sellerFulfil: defineAction('sellerFulfil', 'sf', { orderNo: orderNoField }),
  /** The seller's orders, and one of them with what they can do now (only the presser's own shop's are found). */
  sellerOrders: defineAction('sellerOrders', 'sr', { page: pageField }),
  sellerOrder: defineAction('sellerOrder', 'sw', { orderNo: orderNoField }),
  /** The shopper got a shipped order. */
  orderReceived: defineAction('orderReceived', 'rv', { orderNo: orderNoField }),
  /** The shopper picks a delivery option of the seller the checkout is asking about (kept in the session). */
  pickDelivery: defineAction('pickDelivery', 'dl', { optionId: idField, nonce: nonceField }),
  /** The shopper keeps the saved address and pays. */
  useAddress: defineAction('useAddress', 'ua', { nonce: nonceField }),
  /** The shopper types a new address. */
  newAddress: defineAction('newAddress', 'na', { nonce: nonceField }),
};

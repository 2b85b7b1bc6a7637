import { codedField, defineAction, idField, intField, textField } from '../../routing/action-codec';

/** Ties a checkout to the cart screen it was pressed on (part of the order's idempotency key). */
const nonceField = textField(/^[A-Za-z0-9]{6,16}$/);

export const cartActions = {
  cart: defineAction('cart', 'k', {}),
  setQty: defineAction('setQty', 'q', { id: idField, qty: intField(0, 9_999) }),
  clearCart: defineAction('clearCart', 'kc', {}),
  checkout: defineAction('checkout', 'co', { nonce: nonceField }),
  applyCoupon: defineAction('applyCoupon', 'cp', { nonce: nonceField }),
  pay: defineAction('pay', 'pm', {
    method: codedField([
      ['wechatpay', 'q'],
      ['alipay', 'a'],
      ['credit', 'c'],
      ['stars', 's'],
    ] as const),
    nonce: nonceField,
  }),
};

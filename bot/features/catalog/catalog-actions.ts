import { defineAction, idField, intField, pageField } from '../../routing/action-codec';

export const catalogActions = {
  catalog: defineAction('catalog', 'c', { page: pageField }),
  category: defineAction('category', 'g', { id: idField, page: pageField }),
  product: defineAction('product', 'p', { id: idField }),
  addToCart: defineAction('addToCart', 'a', { id: idField, qty: intField(1, 9_999) }),
};

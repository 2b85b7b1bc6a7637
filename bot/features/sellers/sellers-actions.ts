import { codedField, defineAction, idField, pageField } from '../../routing/action-codec';

export const sellersActions = {
  /** A shop's shelf, for shoppers. */
  shop: defineAction('shop', 'sh', { id: idField, page: pageField }),
  /** The seller's own menu, products and balance; the handlers act only on the presser's own shop. */
  sellerMenu: defineAction('sellerMenu', 'sm', {}),
  sellerProducts: defineAction('sellerProducts', 'sl', { page: pageField }),
  sellerProduct: defineAction('sellerProduct', 'sp', { id: idField }),
  sellerSetVisible: defineAction('sellerSetVisible', 'sv', {
    id: idField,
    visible: codedField([
      [true, '1'],
      [false, '0'],
    ] as const),
  }),
  sellerBalance: defineAction('sellerBalance', 'sb', {}),
  sellApplyCancel: defineAction('sellApplyCancel', 'sx', {}),
};

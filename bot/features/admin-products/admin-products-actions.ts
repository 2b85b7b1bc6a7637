import { PRODUCT_KINDS } from '../../../domain/catalog';
import { codedField, defineAction, idField, oneOfField, pageField } from '../../routing/action-codec';

/** Product fields an admin edits by answering one prompt. */
export const EDIT_FIELDS = { t: 'title', p: 'price', d: 'description', f: 'photoUrl', s: 'stock', c: 'codes', x: 'starsPrice' } as const;
export type EditFieldCode = keyof typeof EDIT_FIELDS;
const EDIT_FIELD_CODES: readonly EditFieldCode[] = ['t', 'p', 'd', 'f', 's', 'c', 'x'];

const admin = { adminOnly: true };

export const adminProductsActions = {
  products: defineAction('products', 'ap', { page: pageField }, admin),
  adminProduct: defineAction('adminProduct', 'av', { id: idField }, admin),
  editProduct: defineAction('editProduct', 'ae', { id: idField, field: oneOfField(EDIT_FIELD_CODES) }, admin),
  setVisible: defineAction(
    'setVisible',
    'aw',
    {
      id: idField,
      visible: codedField([
        [true, '1'],
        [false, '0'],
      ] as const),
    },
    admin,
  ),
  newProduct: defineAction('newProduct', 'np', {}, admin),
  wizardKind: defineAction('wizardKind', 'wk', { kind: oneOfField(PRODUCT_KINDS) }, admin),
  wizardCancel: defineAction('wizardCancel', 'wx', {}, admin),
};

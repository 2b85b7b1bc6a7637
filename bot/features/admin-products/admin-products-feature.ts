import { isCatalogImport, onImportDocument } from './catalog-import-upload';
import { on, defineFeature } from '../../routing/feature';
import { adminProductsActions } from './admin-products-actions';
import { onCodesDocument } from './code-upload';
import { cancelInput, startWizard, wizardAnswer, wizardKind } from './product-wizard';
import { applyEdit, askForEdit, onPriceCommand, onStarsCommand, onStockCommand, setVisible, showAdminProduct, showProducts } from './products';

/** Telegram's own limit for what a person can send: an admin's description or codes may be that long. */
const MAX_ADMIN_INPUT = 4_096;

export const adminProductsFeature = defineFeature({
  name: 'admin-products',
  actions: [
    on(adminProductsActions.products, (ctx, svc, a) => showProducts(ctx, svc, a.page)),
    on(adminProductsActions.adminProduct, (ctx, svc, a) => showAdminProduct(ctx, svc, a.id)),
    on(adminProductsActions.editProduct, (ctx, _svc, a) => askForEdit(ctx, a.id, a.field)),
    on(adminProductsActions.setVisible, (ctx, svc, a) => setVisible(ctx, svc, a.id, a.visible)),
    on(adminProductsActions.newProduct, (ctx) => startWizard(ctx)),
    on(adminProductsActions.wizardKind, (ctx, svc, a) => wizardKind(ctx, svc, a.kind)),
    on(adminProductsActions.wizardCancel, (ctx) => cancelInput(ctx)),
  ],
  commands: { cancel: (ctx) => cancelInput(ctx) },
  adminCommands: {
    products: (ctx, svc) => showProducts(ctx, svc, 1),
    newproduct: (ctx) => startWizard(ctx),
    price: (ctx, svc, args) => onPriceCommand(ctx, svc, args),
    stock: (ctx, svc, args) => onStockCommand(ctx, svc, args),
    stars: (ctx, svc, args) => onStarsCommand(ctx, svc, args),
  },
  // The answer to the wizard's question, or to an edit button's prompt.
  onText: async (ctx, svc, text) => {
    const { wizard, awaiting } = ctx.session;
    if (!ctx.isAdmin || (!wizard && !awaiting) || text.length > MAX_ADMIN_INPUT) return false;
    if (wizard) await wizardAnswer(ctx, svc, wizard, text);
    else if (awaiting && (await applyEdit(ctx, svc, awaiting, text))) ctx.session.awaiting = undefined;
    return true;
  },
  onDocument: async (ctx, svc, message) => {
    if (!ctx.isAdmin) return false;
    if (isCatalogImport(ctx, message)) await onImportDocument(ctx, svc, message);
    else await onCodesDocument(ctx, svc, message);
    return true;
  },
});

import { on, defineFeature } from '../../routing/feature';
import { addToCart, openProduct, showCatalog, showCategory } from './catalog';
import { catalogActions } from './catalog-actions';

export const catalogFeature = defineFeature({
  name: 'catalog',
  actions: [
    on(catalogActions.catalog, (ctx, svc, a) => showCatalog(ctx, svc, a.page)),
    on(catalogActions.category, (ctx, svc, a) => showCategory(ctx, svc, a.id, a.page)),
    on(catalogActions.product, (ctx, svc, a) => openProduct(ctx, svc, a.id)),
    on(catalogActions.addToCart, (ctx, svc, a) => addToCart(ctx, svc, a.id, a.qty)),
  ],
  commands: { catalog: (ctx, svc) => showCatalog(ctx, svc, 1) },
});

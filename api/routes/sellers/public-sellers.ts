import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { AcceptLanguageHeader, LangQuery, ProductPage, ProductSearchQuery, askedLanguage, productFilters } from '../../schemas/catalog';
import { PagingQuery, errorResponses, paging } from '../../schemas/common';
import { PublicSeller, PublicSellerPage, SellerIdParams } from '../../schemas/sellers';
import { presentProduct } from '../catalog/product-presenters';
import { presentPublicSeller } from './seller-presenters';

/** The marketplace's shops as shoppers see them: the active ones, and one shop's shelf. */
export async function publicSellerRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop } = opts;

  app.get(
    '/v1/sellers',
    {
      schema: {
        tags: ['sellers'],
        summary: 'List the active shops',
        querystring: Type.Object(PagingQuery, { additionalProperties: false }),
        response: { 200: PublicSellerPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.sellers.listActiveSellers(paging(request.query));
      if (!result.ok) return sendError(reply, result.error);
      return { ...result.value, items: result.value.items.map(presentPublicSeller) };
    },
  );

  app.get(
    '/v1/sellers/:id',
    { schema: { tags: ['sellers'], summary: 'One active shop', params: SellerIdParams, response: { 200: PublicSeller, ...errorResponses } } },
    async (request, reply) => {
      const result = await shop.sellers.getActiveSeller(Number(request.params.id));
      return result.ok ? presentPublicSeller(result.value) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/sellers/:id/products',
    {
      schema: {
        tags: ['sellers'],
        summary: "One shop's visible products",
        description: 'Like GET /v1/products, narrowed to the shop. A shop that is not active (pending, suspended) is 404.',
        params: SellerIdParams,
        querystring: Type.Composite([ProductSearchQuery, LangQuery, Type.Object(PagingQuery)], { additionalProperties: false }),
        headers: AcceptLanguageHeader,
        response: { 200: ProductPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const seller = await shop.sellers.getActiveSeller(Number(request.params.id));
      if (!seller.ok) return sendError(reply, seller.error);
      const lang = askedLanguage(query, request.headers['accept-language']);
      const result = await shop.catalog.browseProducts({ ...productFilters(query), ...paging(query), lang, sellerId: seller.value.id });
      if (!result.ok) return sendError(reply, result.error);
      const { items, ...page } = result.value;
      const seen = { id: seller.value.id, shopName: seller.value.shopName };
      return { items: items.map((p) => presentProduct(p, seen)), ...page };
    },
  );
}

// catalog: GET /v1/products (a page of 20 of 50 products) and GET /v1/products/:id, against a hello-world route on
// the same fastify in a process of its own: what HTTP alone costs on this machine.
import { Figure, figure } from '../support/figures';
import { LoadResult, runLoad } from '../support/load';
import { profilingArgs } from '../support/profiling';
import { startBareFastify } from '../support/references';
import { ShopClient } from '../support/shop-client';
import { BenchContext, withWorld } from '../support/world';

const PRODUCTS = 50;

export async function catalog(ctx: BenchContext): Promise<Figure[]> {
  const { settings } = ctx;
  const load = (base: string, path: (c: number, n: number) => string): Promise<LoadResult> =>
    runLoad({
      base,
      connections: settings.connections,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
      next: (c, n) => ({ method: 'GET', path: path(c, n) }),
    });
  ctx.log('catalog: bare fastify reference');
  const bareFastify = await startBareFastify();
  let bare: LoadResult;
  try {
    bare = await load(bareFastify.base, () => '/hello');
  } finally {
    await bareFastify.stop();
  }
  return withWorld(ctx, 'catalog', async (world) => {
    const shop = await world.startShop({ nodeArgs: profilingArgs('catalog') });
    const client = new ShopClient(shop.base);
    const ids: number[] = [];
    for (let i = 0; i < PRODUCTS; i += 1) {
      ids.push(
        await client.createProduct({
          sku: `item-${i}`,
          title: `Item ${i} 商品`,
          description: `A product for the catalog benchmark, number ${i}.`,
          kind: 'manual',
          price: { amount: 100 + i, currency: 'CNY' },
          stock: 1000,
        }),
      );
    }
    ctx.log('catalog: shop GET /v1/products');
    const list = await load(shop.base, () => '/v1/products');
    ctx.log('catalog: shop GET /v1/products/:id');
    const item = await load(shop.base, (c, n) => `/v1/products/${ids[(c + n) % ids.length]}`);
    const row = (what: string, r: LoadResult) =>
      figure({
        benchmark: 'catalog',
        figure: what,
        unit: 'req/s',
        shop: r.perSecond,
        reference: bare.perSecond,
        referenceName: 'bare fastify hello-world',
        better: 'higher',
        p50: r.p50,
        p99: r.p99,
        refP50: bare.p50,
        refP99: bare.p99,
        target: '≥ 0.5× bare',
        ...(r.failed > 0 ? { notes: [`${r.failed} failed: ${r.failures.join(' | ')}`] } : {}),
      });
    return [row('GET /v1/products (page of 20)', list), row('GET /v1/products/:id', item)];
  });
}

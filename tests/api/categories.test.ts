import { databaseBackends } from '../support/services';
import { TestShop, createProduct, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('categories over HTTP (%s)', (backend) => {
  let shop: TestShop;
  const post = (payload: object) => shop.api.inject({ method: 'POST', url: '/v1/admin/categories', headers: shop.admin, payload });
  const patch = (id: number, payload: object) => shop.api.inject({ method: 'PATCH', url: `/v1/admin/categories/${id}`, headers: shop.admin, payload });
  const tree = async () => (await shop.api.inject({ method: 'GET', url: '/v1/categories' })).json().items as Array<{ id: number; path: string; depth: number }>;

  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  it('builds a tree an admin can reorder and move, paths following along', async () => {
    const games = (await post({ slug: 'games', name: 'Games', position: 2 })).json();
    const vpn = (await post({ slug: 'vpn', name: 'VPN', position: 1 })).json();
    const keys = await post({ slug: 'keys', name: 'Keys', parentId: games.id });
    expect(keys.statusCode).toBe(201);
    expect(keys.json()).toMatchObject({ path: 'games/keys', parentId: games.id, position: 0, name: 'Keys' });
    const steam = (await post({ slug: 'steam', name: 'Steam', parentId: keys.json().id })).json();
    expect(steam.path).toBe('games/keys/steam');

    expect((await tree()).map((c) => [c.path, c.depth])).toEqual([
      ['vpn', 0],
      ['games', 0],
      ['games/keys', 1],
      ['games/keys/steam', 2],
    ]);

    const moved = await patch(keys.json().id, { parentId: vpn.id, slug: 'codes' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe('vpn/codes');
    expect((await tree()).map((c) => c.path)).toEqual(['vpn', 'vpn/codes', 'vpn/codes/steam', 'games']);
  });

  it('refuses a duplicate sibling, a missing parent and a move below itself', async () => {
    const top = (await post({ slug: 'gifts', name: 'Gifts' })).json();
    const child = (await post({ slug: 'cards', name: 'Cards', parentId: top.id })).json();
    const twin = await post({ slug: 'gifts', name: 'Gifts again' });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.code).toBe('DUPLICATE_CATEGORY');
    expect((await post({ slug: 'x', name: 'X', parentId: 999999 })).json().error.code).toBe('CATEGORY_NOT_FOUND');
    const loop = await patch(top.id, { parentId: child.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.code).toBe('VALIDATION_FAILED');
    expect((await post({ slug: 'Bad Slug', name: 'X' })).statusCode).toBe(400);
    expect((await shop.api.inject({ method: 'POST', url: '/v1/admin/categories', payload: { slug: 'a', name: 'A' } })).statusCode).toBe(401);
  });

  it('puts a product in a category and refuses one that does not exist', async () => {
    const books = (await post({ slug: 'books', name: 'Books' })).json();
    const id = await createProduct(shop, { sku: 'BOOK-1', title: 'A book', kind: 'manual', price: { amount: 100, currency: 'CNY' }, categoryId: books.id });
    const product = (await shop.api.inject({ method: 'GET', url: `/v1/products/${id}` })).json();
    expect(product.categoryId).toBe(books.id);
    const wrong = await shop.api.inject({ method: 'PATCH', url: `/v1/admin/products/${id}`, headers: shop.admin, payload: { categoryId: 987654 } });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('CATEGORY_NOT_FOUND');
  });
});

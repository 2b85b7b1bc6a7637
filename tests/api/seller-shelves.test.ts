// A suspended shop's goods leave every place a shopper looks (the list, search, a shop's shelf, one product, the
// cart) at once — the product read cache included — and come back as they were when the shop is reinstated.
import { databaseBackends } from '../support/services';
import { TestShop, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('a suspended seller’s shelf (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Record<string, string>, payload?: object) =>
    shop.api.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  async function seller(userId: number, shopName: string): Promise<number> {
    const applied = await inject('POST', '/v1/seller/application', shop.shopper(userId), { shopName, contact: `@${shopName}` });
    expect(applied.statusCode).toBe(201);
    expect((await inject('POST', `/v1/admin/sellers/${applied.json().id}/approve`, shop.admin)).statusCode).toBe(200);
    return applied.json().id;
  }

  async function product(userId: number, body: Record<string, unknown>): Promise<number> {
    const made = await inject('POST', '/v1/seller/products', shop.shopper(userId), {
      kind: 'manual',
      price: { amount: 990, currency: 'CNY' },
      stock: 10,
      ...body,
    });
    expect(made.statusCode).toBe(201);
    return made.json().id;
  }

  const ids = (res: { json(): { items: Array<{ id: number }> } }) =>
    res
      .json()
      .items.map((p) => p.id)
      .sort((a, b) => a - b);
  const shopperSees = async () => ({
    list: ids(await inject('GET', '/v1/products?pageSize=100', {})),
    byWord: ids(await inject('GET', '/v1/products?q=lantern', {})),
    byTwoWords: ids(await inject('GET', '/v1/products?q=paper%20lantern', {})),
    byPrice: ids(await inject('GET', '/v1/products?q=lantern&sort=price', {})),
    chinese: ids(await inject('GET', `/v1/products?q=${encodeURIComponent('灯笼')}`, {})),
  });

  it('hides a suspended shop’s products everywhere, and brings back what the seller showed on reinstatement', async () => {
    const open = await seller(7601, 'Lanterns Open');
    const closing = await seller(7602, 'Lanterns Closing');
    const keep = await product(7601, { sku: 'LAN-1', title: 'Paper lantern 灯笼', description: 'stays' });
    const red = await product(7602, { sku: 'LAN-2', title: 'Red paper lantern 红灯笼' });
    const hidden = await product(7602, { sku: 'LAN-3', title: 'Hidden paper lantern 灯笼', visible: false });

    // Read first, so the read cache holds the pages that must now change.
    const before = await shopperSees();
    for (const seen of Object.values(before)) {
      expect(seen).toEqual(expect.arrayContaining([keep, red]));
      expect(seen).not.toContain(hidden);
    }
    expect((await inject('GET', `/v1/products/${red}`, {})).statusCode).toBe(200);
    expect((await inject('GET', `/v1/sellers/${closing}/products`, {})).json().total).toBe(1);
    expect((await inject('POST', '/v1/cart/items', shop.shopper(7650), { productId: red, quantity: 1 })).statusCode).toBe(200);

    expect((await inject('POST', `/v1/admin/sellers/${closing}/suspend`, shop.admin)).json()).toMatchObject({ status: 'suspended' });
    const during = await shopperSees();
    for (const seen of Object.values(during)) {
      expect(seen).toContain(keep);
      expect(seen).not.toContain(red);
      expect(seen).not.toContain(hidden);
    }
    const total = (await inject('GET', '/v1/products?q=lantern', {})).json().total;
    expect(total).toBe(during.byWord.length);
    expect((await inject('GET', `/v1/products/${red}`, {})).statusCode).toBe(404);
    expect((await inject('GET', `/v1/sellers/${closing}/products`, {})).statusCode).toBe(404);
    // Not in a cart either: adding is refused, and the cart that holds it says it is not available.
    expect((await inject('POST', '/v1/cart/items', shop.shopper(7651), { productId: red, quantity: 1 })).statusCode).toBe(404);
    const cart = (await inject('GET', '/v1/cart', shop.shopper(7650))).json();
    expect(cart.items.find((l: { productId: number }) => l.productId === red)).toMatchObject({ available: false });
    // Another shop is not touched.
    expect((await inject('GET', `/v1/sellers/${open}/products`, {})).json().items.map((p: { id: number }) => p.id)).toEqual([keep]);

    // Admins still manage it, the seller's own flag untouched; edited while suspended, it stays off the shelf.
    const edited = await inject('PATCH', `/v1/admin/products/${red}`, shop.admin, { title: 'Red paper lantern 红灯笼, new' });
    expect(edited.json()).toMatchObject({ id: red, visible: true, listed: false });
    expect((await shopperSees()).byWord).not.toContain(red);

    expect((await inject('POST', `/v1/admin/sellers/${closing}/reinstate`, shop.admin)).json()).toMatchObject({ status: 'active' });
    const after = await shopperSees();
    for (const seen of Object.values(after)) {
      expect(seen).toEqual(expect.arrayContaining([keep, red]));
      // What the seller hid stays hidden.
      expect(seen).not.toContain(hidden);
    }
    expect((await inject('GET', `/v1/products/${red}`, {})).json()).toMatchObject({ title: 'Red paper lantern 红灯笼, new', seller: { id: closing } });
    expect((await inject('GET', `/v1/products/${hidden}`, {})).statusCode).toBe(404);
    expect((await inject('GET', `/v1/sellers/${closing}/products`, {})).json().items.map((p: { id: number }) => p.id)).toEqual([red]);
    expect((await inject('POST', '/v1/cart/items', shop.shopper(7651), { productId: red, quantity: 1 })).statusCode).toBe(200);
  });
});

import { databaseBackends } from '../../support/services';
import { T0, at, productDraft } from './support/factories';
import { storeForSuite } from './support/test-store';

describe.each(databaseBackends())('CodePoolRepository (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;
  const codeProduct = async (): Promise<number> => {
    const product = await inTx((tx) => tx.products.insert(productDraft({ kind: 'code', stock: 0, creditAmount: null }), T0));
    if (product === 'DUPLICATE_SKU') throw new Error('unexpected duplicate sku');
    return product.id;
  };

  it('adds codes, counting repeats within the upload and codes already in the pool as duplicates', async () => {
    const productId = await codeProduct();
    expect(await inTx((tx) => tx.codes.add(productId, ['A-1', 'A-2', 'A-1'], T0))).toEqual({ added: 2, duplicates: 1 });
    expect(await inTx((tx) => tx.codes.add(productId, ['A-2', 'A-3', 'a-3'], T0))).toEqual({ added: 2, duplicates: 1 });
    expect(await inTx((tx) => tx.codes.countAvailable(productId))).toBe(4);
    // The same code in another product's pool is another code.
    const other = await codeProduct();
    expect(await inTx((tx) => tx.codes.add(other, ['A-1'], T0))).toEqual({ added: 1, duplicates: 0 });
  });

  it('adds a large upload in chunks', async () => {
    const productId = await codeProduct();
    const codes = Array.from({ length: 1100 }, (_, i) => `BULK-${i}`);
    expect(await inTx((tx) => tx.codes.add(productId, [...codes, ...codes.slice(0, 10)], T0))).toEqual({ added: 1100, duplicates: 10 });
    expect(await inTx((tx) => tx.codes.countAvailable(productId))).toBe(1100);
  });

  it('refuses an empty or oversized code', async () => {
    const productId = await codeProduct();
    await expect(inTx((tx) => tx.codes.add(productId, [''], T0))).rejects.toThrow(RangeError);
    await expect(inTx((tx) => tx.codes.add(productId, ['x'.repeat(513)], T0))).rejects.toThrow(RangeError);
  });

  it('binds available codes to an order, oldest first, never more than there are', async () => {
    const productId = await codeProduct();
    await inTx((tx) => tx.codes.add(productId, ['C-1', 'C-2', 'C-3'], T0));
    expect(await inTx((tx) => tx.codes.reserve(productId, 'ORDER-A', 2, at(1)))).toBe(2);
    expect(await inTx((tx) => tx.codes.reserve(productId, 'ORDER-B', 2, at(2)))).toBe(1);
    expect(await inTx((tx) => tx.codes.reserve(productId, 'ORDER-C', 1, at(3)))).toBe(0);
    const forA = await inTx((tx) => tx.codes.listForOrder('ORDER-A'));
    expect(forA.map((c) => [c.code, c.status, c.orderNo, c.productId])).toEqual([
      ['C-1', 'RESERVED', 'ORDER-A', productId],
      ['C-2', 'RESERVED', 'ORDER-A', productId],
    ]);
    expect(await inTx((tx) => tx.codes.countAvailable(productId))).toBe(0);
  });

  it('releases an order’s reserved codes per product, once', async () => {
    const p1 = await codeProduct();
    const p2 = await codeProduct();
    await inTx((tx) => tx.codes.add(p1, ['R-1', 'R-2'], T0));
    await inTx((tx) => tx.codes.add(p2, ['R-3'], T0));
    await inTx(async (tx) => {
      await tx.codes.reserve(p1, 'ORDER-R', 2, T0);
      await tx.codes.reserve(p2, 'ORDER-R', 1, T0);
    });
    const released = await inTx((tx) => tx.codes.releaseForOrder('ORDER-R'));
    expect(released.sort((a, b) => a.productId - b.productId)).toEqual([
      { productId: p1, count: 2 },
      { productId: p2, count: 1 },
    ]);
    expect(await inTx((tx) => tx.codes.releaseForOrder('ORDER-R'))).toEqual([]);
    expect(await inTx((tx) => tx.codes.listForOrder('ORDER-R'))).toEqual([]);
    expect(await inTx((tx) => tx.codes.countAvailable(p1))).toBe(2);
  });

  it('marks reserved codes delivered once; delivered codes are never released', async () => {
    const productId = await codeProduct();
    await inTx((tx) => tx.codes.add(productId, ['D-1', 'D-2'], T0));
    await inTx((tx) => tx.codes.reserve(productId, 'ORDER-D', 2, T0));
    expect(await inTx((tx) => tx.codes.markDeliveredForOrder('ORDER-D', at(10)))).toBe(2);
    expect(await inTx((tx) => tx.codes.markDeliveredForOrder('ORDER-D', at(11)))).toBe(0);
    expect(await inTx((tx) => tx.codes.releaseForOrder('ORDER-D'))).toEqual([]);
    const codes = await inTx((tx) => tx.codes.listForOrder('ORDER-D'));
    expect(codes.map((c) => c.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(await inTx((tx) => tx.codes.countAvailable(productId))).toBe(0);
  });

  it('gives a reservation back when the transaction that made it fails', async () => {
    const productId = await codeProduct();
    await inTx((tx) => tx.codes.add(productId, ['F-1'], T0));
    const outcome = await inTx(async (tx) => {
      const bound = await tx.codes.reserve(productId, 'ORDER-F', 2, T0);
      return bound === 2 ? { ok: true as const } : { ok: false as const, bound };
    });
    expect(outcome).toEqual({ ok: false, bound: 1 });
    expect(await inTx((tx) => tx.codes.countAvailable(productId))).toBe(1);
    expect(await inTx((tx) => tx.codes.listForOrder('ORDER-F'))).toEqual([]);
  });
});

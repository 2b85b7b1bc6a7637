// Round trips per hot use case, pinned: a change that adds a statement or a transaction to placing an order, taking a
// payment notification, delivering or reading products fails here and has to say why.
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, giveCredit, startListeningShop } from '../support/test-shop';

interface Counted {
  statements: number;
  transactions: number;
  sql: string[];
}

/** Counts every statement the shop sends to its database (typeorm's BeforeQuery fires once per round trip). */
function statementCounter(dataSource: DataSource) {
  let sql: string[] = [];
  const subscriber: EntitySubscriberInterface = {
    beforeQuery: (event) => {
      sql.push(event.query);
    },
  };
  dataSource.subscribers.push(subscriber);
  return {
    async measure(work: () => Promise<unknown>): Promise<Counted> {
      sql = [];
      await work();
      const seen = sql;
      sql = [];
      if (process.env.SHOW_STATEMENTS === 'sql') console.log(seen.join('\n'));
      return { statements: seen.length, transactions: seen.filter((q) => /^(START TRANSACTION|BEGIN TRANSACTION)/i.test(q)).length, sql: seen };
    },
  };
}

describe.each(databaseBackends())('statements per hot use case (%s)', (backend) => {
  let shop: TestShop & { base: string };
  let counter: ReturnType<typeof statementCounter>;
  let pack: number;
  let pen: number;

  beforeAll(async () => {
    shop = await startListeningShop(backend);
    // Measured one at a time: the after-commit kick would otherwise run deliveries in the middle of a measurement.
    shop.app.pump.stop();
    pack = await createProduct(shop, { sku: 'SC-PACK', title: 'Credit pack', kind: 'credit', price: { amount: 2000, currency: 'CNY' }, creditAmount: 2200 });
    pen = await createProduct(shop, { sku: 'SC-PEN', title: 'A pen', kind: 'manual', price: { amount: 300, currency: 'CNY' }, stock: 100 });
    counter = statementCounter(shop.app.persistence.dataSource);
  });
  afterAll(async () => {
    await shop?.close();
  });

  const placeOrder = (userId: number, key: string, productId: number, paymentMethod: 'wechatpay' | 'credit') =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId), 'idempotency-key': key },
      payload: { items: [{ productId, quantity: 1 }], paymentMethod },
    });

  const sandbox = () => {
    const gateway = shop.app.payments.sandbox;
    if (!gateway) throw new Error('sandbox not running');
    return gateway;
  };

  it('POST /v1/orders by QR, its payment notification and its delivery', async () => {
    const user = 7701;
    await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(user) });
    let orderNo = '';
    const placed = await counter.measure(async () => {
      const res = await placeOrder(user, 'count-qr-000001', pack, 'wechatpay');
      expect(res.statusCode).toBe(201);
      orderNo = res.json().orderNo;
    });
    pin(backend, 'placeQr', placed);

    const notified = await counter.measure(async () => {
      expect(sandbox().pay(orderNo).ok).toBe(true);
      await sandbox().idle();
    });
    pin(backend, 'notification', notified);

    const delivered = await counter.measure(async () => {
      const result = await shop.app.shop.ordering.deliverOrder(orderNo);
      expect(result).toEqual({ ok: true, value: 'DELIVERED' });
    });
    pin(backend, 'deliverCredit', delivered);
  });

  it('POST /v1/orders paid with credit', async () => {
    const user = 7702;
    await giveCredit(shop, user, 10_000);
    const placed = await counter.measure(async () => {
      const res = await placeOrder(user, 'count-credit-0001', pen, 'credit');
      expect(res.statusCode).toBe(201);
      expect(res.json().status).toBe('PAID');
    });
    pin(backend, 'placeCredit', placed);
  });

  it('product reads', async () => {
    const list = await counter.measure(async () => {
      expect((await shop.api.inject({ method: 'GET', url: '/v1/products' })).statusCode).toBe(200);
    });
    pin(backend, 'listProducts', list);
    const one = await counter.measure(async () => {
      expect((await shop.api.inject({ method: 'GET', url: `/v1/products/${pen}` })).statusCode).toBe(200);
    });
    pin(backend, 'getProduct', one);
  });
});

type Measured = { statements: number; transactions: number };

/** `SHOW_STATEMENTS=counts npx jest tests/api/statement-counts` prints the figures; `=sql` prints every statement. */
function pin(backend: 'sqlite' | 'mysql', name: keyof (typeof EXPECTED)['sqlite'], counted: Counted): void {
  const measured = { statements: counted.statements, transactions: counted.transactions };
  if (process.env.SHOW_STATEMENTS === 'counts') console.log(`${backend} ${name}: ${JSON.stringify(measured)}`);
  else expect(measured).toEqual(EXPECTED[backend][name]);
}
const EXPECTED: Record<'sqlite' | 'mysql', Record<'placeQr' | 'notification' | 'deliverCredit' | 'placeCredit' | 'listProducts' | 'getProduct', Measured>> = {
  // The same on both engines: MySQL's isolation level is set once per connection (no SET TRANSACTION per transaction),
  // and plain reads (product reads, the delivery's first look at the order) run outside any transaction.
  // A QR order opens its payment row in the placement's transaction; after the provider, one transaction of two
  // UPDATEs. Nothing just written is read back (credit payment, notification's payment row).
  // A payment (notification or credit) queues delivery + shopper notice + admin notice in ONE outbox INSERT.
  // The first product read of a process also reads the shops' names (kept 30 s), so later reads are one statement.
  sqlite: {
    placeQr: { statements: 15, transactions: 2 },
    notification: { statements: 8, transactions: 1 },
    deliverCredit: { statements: 14, transactions: 1 },
    placeCredit: { statements: 14, transactions: 1 },
    listProducts: { statements: 2, transactions: 0 },
    getProduct: { statements: 1, transactions: 0 },
  },
  mysql: {
    placeQr: { statements: 15, transactions: 2 },
    notification: { statements: 8, transactions: 1 },
    deliverCredit: { statements: 14, transactions: 1 },
    placeCredit: { statements: 14, transactions: 1 },
    listProducts: { statements: 2, transactions: 0 },
    getProduct: { statements: 1, transactions: 0 },
  },
};

import { databaseBackends } from '../../support/services';
import { T0, at, newPayment } from './support/factories';
import { storeForSuite } from './support/test-store';

describe.each(databaseBackends())('PaymentRepository (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;

  it('inserts a pay order and finds it by out_trade_no and by order', async () => {
    const inserted = await inTx((tx) => tx.payments.insert(newPayment({ orderNo: 'O-1', outTradeNo: 'PAY-1' })));
    expect(inserted).toMatchObject({ orderNo: 'O-1', outTradeNo: 'PAY-1', status: 'PENDING', amount: 990, createdAt: T0, paidAt: null });
    const second = await inTx((tx) => tx.payments.insert(newPayment({ orderNo: 'O-1', outTradeNo: 'PAY-2', provider: 'credit' })));
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-1'))).toEqual(inserted);
    expect((await inTx((tx) => tx.payments.findByOrder('O-1'))).map((p) => p.outTradeNo)).toEqual(['PAY-1', 'PAY-2']);
    expect(second).not.toBe('DUPLICATE');
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-404'))).toBeNull();
  });

  it('refuses a second pay order with the same out_trade_no or the same provider transaction', async () => {
    await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-D', transactionId: 'wx-1', status: 'SUCCEEDED', paidAt: T0 })));
    expect(await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-D' })))).toBe('DUPLICATE');
    expect(await inTx((tx) => tx.payments.insert(newPayment({ transactionId: 'wx-1' })))).toBe('DUPLICATE');
    // Another provider may use the same transaction id; NULL transaction ids never collide.
    expect(await inTx((tx) => tx.payments.insert(newPayment({ transactionId: 'wx-1', provider: 'sandbox' })))).not.toBe('DUPLICATE');
    expect(await inTx((tx) => tx.payments.insert(newPayment({ transactionId: null })))).not.toBe('DUPLICATE');
  });

  it('marks a pending payment succeeded once, with its transaction id', async () => {
    await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-S' })));
    expect(await inTx((tx) => tx.payments.markSucceeded('PAY-S', 'wx-S', at(60_000)))).toBe(true);
    expect(await inTx((tx) => tx.payments.markSucceeded('PAY-S', 'wx-S', at(61_000)))).toBe(false);
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-S'))).toMatchObject({ status: 'SUCCEEDED', transactionId: 'wx-S', paidAt: at(60_000) });
  });

  it('throws when a provider reports one transaction for two pay orders', async () => {
    await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-T1' })));
    await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-T2' })));
    expect(await inTx((tx) => tx.payments.markSucceeded('PAY-T1', 'wx-T', T0))).toBe(true);
    await expect(inTx((tx) => tx.payments.markSucceeded('PAY-T2', 'wx-T', T0))).rejects.toThrow(/already recorded on another payment/);
    expect((await inTx((tx) => tx.payments.findByOutTradeNo('PAY-T2')))?.status).toBe('PENDING');
  });

  it('records the QR code and closes, only while pending', async () => {
    await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-Q' })));
    expect(await inTx((tx) => tx.payments.setCodeUrl('PAY-Q', 'weixin://wxpay/bizpayurl?pr=abc', at(900_000)))).toBe(true);
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-Q'))).toMatchObject({ codeUrl: 'weixin://wxpay/bizpayurl?pr=abc', expiresAt: at(900_000) });
    expect(await inTx((tx) => tx.payments.markClosed('PAY-Q'))).toBe(true);
    expect(await inTx((tx) => tx.payments.markClosed('PAY-Q'))).toBe(false);
    expect(await inTx((tx) => tx.payments.setCodeUrl('PAY-Q', 'weixin://other', at(1)))).toBe(false);
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-Q'))).toMatchObject({ status: 'CLOSED', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc' });
  });

  it('records a late payment on a CLOSED pay order, once; never on a SUCCEEDED or FAILED one', async () => {
    await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-L' })));
    expect(await inTx((tx) => tx.payments.markClosed('PAY-L'))).toBe(true);
    expect(await inTx((tx) => tx.payments.markSucceeded('PAY-L', 'wx-L', at(20 * 60_000)))).toBe(true);
    expect(await inTx((tx) => tx.payments.markSucceeded('PAY-L', 'wx-L2', at(21 * 60_000)))).toBe(false);
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-L'))).toMatchObject({ status: 'SUCCEEDED', transactionId: 'wx-L', paidAt: at(20 * 60_000) });
    expect(await inTx((tx) => tx.payments.markClosed('PAY-L'))).toBe(false);

    await inTx((tx) => tx.payments.insert(newPayment({ outTradeNo: 'PAY-F', status: 'FAILED' })));
    expect(await inTx((tx) => tx.payments.markSucceeded('PAY-F', 'wx-F', at(1)))).toBe(false);
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-F'))).toMatchObject({ status: 'FAILED', transactionId: null, paidAt: null });
  });
});

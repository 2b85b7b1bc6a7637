import { Action, ActionKind, decodeAction, encodeAction, jobButtonFits } from '../../bot/callback-data';
import { MAX_CALLBACK_DATA_BYTES } from '../../bot/format/telegram-limits';
import { translator } from '../../bot/i18n/translate';
import { cartScreen } from '../../bot/views/cart-view';
import { orderDetailsKeyboard, qrKeyboard, retryKeyboard } from '../../bot/views/order-view';
import { productKeyboard } from '../../bot/views/product-view';
import { minor, price } from '../../domain/shared/money';
import type { Product } from '../../domain/catalog';
import type { OrderState } from '../../domain/ordering';

const BIG_ID = 999_999_999_999;
const ORDER = 'T209912312359599999999999';

/** The largest value of every kind of button the bot builds; a kind missing here is a type error. */
const EXTREMES: Record<ActionKind, Action[]> = {
  menu: [{ k: 'menu' }],
  shop: [{ k: 'shop', id: BIG_ID, page: 100_000 }],
  sellerMenu: [{ k: 'sellerMenu' }],
  sellerProducts: [{ k: 'sellerProducts', page: 100_000 }],
  sellerProduct: [{ k: 'sellerProduct', id: BIG_ID }],
  sellerSetVisible: [{ k: 'sellerSetVisible', id: BIG_ID, visible: false }],
  sellerBalance: [{ k: 'sellerBalance' }],
  sellApplyCancel: [{ k: 'sellApplyCancel' }],
  adminSellers: [{ k: 'adminSellers', page: 100_000 }],
  decideSeller: [{ k: 'decideSeller', id: BIG_ID, decision: 'reinstate' }],
  catalog: [{ k: 'catalog', page: 100_000 }],
  searchPage: [{ k: 'searchPage', page: 100_000 }],
  category: [{ k: 'category', id: BIG_ID, page: 100_000 }],
  product: [{ k: 'product', id: BIG_ID }],
  addToCart: [{ k: 'addToCart', id: BIG_ID, qty: 9_999 }],
  cart: [{ k: 'cart' }],
  setQty: [
    { k: 'setQty', id: BIG_ID, qty: 0 },
    { k: 'setQty', id: BIG_ID, qty: 9_999 },
  ],
  clearCart: [{ k: 'clearCart' }],
  checkout: [{ k: 'checkout', nonce: 'A'.repeat(16) }],
  applyCoupon: [{ k: 'applyCoupon', nonce: 'A'.repeat(16) }],
  pay: [
    { k: 'pay', method: 'wechatpay', nonce: 'z'.repeat(16) },
    { k: 'pay', method: 'alipay', nonce: 'y'.repeat(16) },
    { k: 'pay', method: 'credit', nonce: '0'.repeat(16) },
  ],
  checkPayment: [{ k: 'checkPayment', orderNo: ORDER }],
  cancelOrder: [{ k: 'cancelOrder', orderNo: ORDER }],
  showQr: [{ k: 'showQr', orderNo: ORDER }],
  myOrders: [{ k: 'myOrders', page: 100_000 }],
  order: [{ k: 'order', orderNo: ORDER }],
  balance: [{ k: 'balance' }],
  languages: [{ k: 'languages' }],
  setLanguage: [
    { k: 'setLanguage', lang: 'zh' },
    { k: 'setLanguage', lang: 'ru' },
  ],
  adminMenu: [{ k: 'adminMenu' }],
  stats: [{ k: 'stats' }],
  adminOrders: [
    { k: 'adminOrders', status: null, page: 1 },
    { k: 'adminOrders', status: 'PARTIALLY_REFUNDED', page: 100_000 },
  ],
  stuckOrders: [{ k: 'stuckOrders', minutes: 43_200, page: 100_000 }],
  orderStory: [{ k: 'orderStory', orderNo: ORDER }],
  fulfil: [{ k: 'fulfil', orderNo: ORDER }],
  products: [{ k: 'products', page: 100_000 }],
  adminProduct: [{ k: 'adminProduct', id: BIG_ID }],
  editProduct: [{ k: 'editProduct', id: BIG_ID, field: 'c' }],
  setVisible: [{ k: 'setVisible', id: BIG_ID, visible: false }],
  newProduct: [{ k: 'newProduct' }],
  wizardKind: [{ k: 'wizardKind', kind: 'webhook' }],
  wizardCancel: [{ k: 'wizardCancel' }],
  supportForOrder: [{ k: 'supportForOrder', orderNo: ORDER }],
  closeMyTicket: [{ k: 'closeMyTicket', id: BIG_ID }],
  takeTicket: [{ k: 'takeTicket', id: BIG_ID }],
  staffCloseTicket: [{ k: 'staffCloseTicket', id: BIG_ID }],
  reopenTicket: [{ k: 'reopenTicket', id: BIG_ID }],
  notifyMe: [{ k: 'notifyMe', id: BIG_ID }],
  jobs: [{ k: 'jobs' }],
  runJob: [{ k: 'runJob', name: 'x'.repeat(48) }],
  broadcastSend: [{ k: 'broadcastSend', id: 'b'.repeat(40) }],
  broadcastCancel: [{ k: 'broadcastCancel', id: 'b'.repeat(40) }],
  rateLine: [{ k: 'rateLine', orderNo: ORDER, line: 100 }],
  rateStars: [
    { k: 'rateStars', orderNo: ORDER, line: 1, stars: 1 },
    { k: 'rateStars', orderNo: ORDER, line: 100, stars: 5 },
  ],
  reviewDone: [{ k: 'reviewDone' }],
  sellerConfirm: [{ k: 'sellerConfirm', orderNo: ORDER }],
  sellerCancel: [{ k: 'sellerCancel', orderNo: ORDER }],
  sellerFulfil: [{ k: 'sellerFulfil', orderNo: ORDER }],
  sellerOrders: [{ k: 'sellerOrders', page: 100_000 }],
  sellerOrder: [{ k: 'sellerOrder', orderNo: ORDER }],
  orderReceived: [{ k: 'orderReceived', orderNo: ORDER }],
  pickDelivery: [{ k: 'pickDelivery', optionId: 1_000_000_000_000, nonce: 'n'.repeat(16) }],
  useAddress: [{ k: 'useAddress', nonce: 'n'.repeat(16) }],
  newAddress: [{ k: 'newAddress', nonce: 'n'.repeat(16) }],
};

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

describe('callback data', () => {
  it.each(Object.entries(EXTREMES))('%s fits in 64 bytes at its largest and reads back as itself', (_kind, actions) => {
    for (const action of actions) {
      const data = encodeAction(action);
      expect(bytes(data)).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
      expect(decodeAction(data)).toEqual(action);
    }
  });

  it('reads forged, stale or garbage data as nothing', () => {
    for (const data of [
      undefined,
      '',
      'garbage',
      'p:',
      'p:0',
      'p:-1',
      'p:1:2',
      'p:1e3',
      'a:1',
      'q:1:x',
      'q:1:10000',
      'ck:T123',
      'o:../../etc',
      'l:de',
      'ao:paid',
      'ao:PAID',
      'ao:PAID:0',
      'mo',
      'so:0:1',
      'so:43201:1',
      'wk:gift',
      'pm:x:abcdef12',
      'pm:q:short',
      'co:has space!',
      'bc:y:',
      'bc:z:abc',
      'ae:1:z',
      'aw:1:2',
      'jr:',
      'jr:a b',
      'm:1',
      '__proto__',
      'constructor',
      'x'.repeat(65),
    ]) {
      expect({ data, action: decodeAction(data) }).toEqual({ data, action: null });
    }
  });

  it('refuses to build data over 64 bytes rather than have Telegram refuse the whole message', () => {
    expect(() => encodeAction({ k: 'runJob', name: 'j'.repeat(80) })).toThrow(RangeError);
    expect(jobButtonFits('j'.repeat(80))).toBe(false);
    expect(jobButtonFits('repair-dropped-payments')).toBe(true);
  });
});

describe('the keyboards the views build', () => {
  const t = translator('ru');
  const long = 'Очень длинное название товара '.repeat(10);
  const product = (id: number, stock: number | null): Product => ({
    id,
    sellerId: 1,
    sku: `SKU-${id}`,
    title: long,
    description: long,
    kind: 'code',
    price: price(99_999_999, 'CNY'),
    stock,
    visible: true,
    listed: true,
    creditAmount: null,
    webhookUrl: null,
    starsPrice: null,
    photoUrl: null,
    categoryId: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const order = { orderNo: ORDER, status: 'AWAITING_PAYMENT', paymentMethod: 'wechatpay', expiresAt: new Date(Date.now() + 60_000) } as OrderState;

  it("keeps every button within Telegram's limits, whatever the titles and ids", () => {
    const cart = {
      items: Array.from({ length: 20 }, (_, i) => ({ product: product(BIG_ID - i, null), quantity: 99, lineTotal: minor(1), available: true })),
      total: minor(1),
      currency: 'CNY',
    };
    const keyboards = [
      productKeyboard(t, product(BIG_ID, 5), 4, 1_000),
      productKeyboard(t, product(BIG_ID, null), 9_998, 9_998),
      cartScreen(t, cart).markup,
      qrKeyboard(t, ORDER),
      retryKeyboard(t, ORDER),
      orderDetailsKeyboard(t, order, new Date()),
    ];
    for (const keyboard of keyboards) {
      for (const button of keyboard.inline_keyboard.flat()) {
        expect(bytes('callback_data' in button ? button.callback_data : '')).toBeLessThanOrEqual(MAX_CALLBACK_DATA_BYTES);
        expect([...button.text].length).toBeLessThanOrEqual(60);
      }
    }
  });
});

import { Language, LANGUAGES } from '../domain/account/shopper-preferences';
import { PRODUCT_KINDS, ProductKind } from '../domain/catalog/product';
import { ORDER_NO_PATTERN } from '../domain/ordering/order-number';
import { ORDER_STATUSES, OrderStatus } from '../domain/ordering/order-types';
import { MAX_CALLBACK_DATA_BYTES } from './format/telegram-limits';

/** Product fields an admin edits by answering one prompt. */
export const EDIT_FIELDS = { t: 'title', p: 'price', d: 'description', f: 'photoUrl', s: 'stock', c: 'codes' } as const;
export type EditFieldCode = keyof typeof EDIT_FIELDS;

/** Everything a button can ask for. Encoded short ("p:12"), because Telegram allows 64 bytes of callback data. */
export type Action =
  | { k: 'menu' }
  | { k: 'catalog'; page: number }
  | { k: 'product'; id: number }
  | { k: 'addToCart'; id: number; qty: number }
  | { k: 'cart' }
  | { k: 'setQty'; id: number; qty: number }
  | { k: 'clearCart' }
  | { k: 'checkout'; nonce: string }
  | { k: 'pay'; method: 'wechatpay' | 'credit'; nonce: string }
  | { k: 'checkPayment'; orderNo: string }
  | { k: 'cancelOrder'; orderNo: string }
  | { k: 'showQr'; orderNo: string }
  | { k: 'myOrders' }
  | { k: 'order'; orderNo: string }
  | { k: 'balance' }
  | { k: 'languages' }
  | { k: 'setLanguage'; lang: Language }
  | { k: 'adminMenu' }
  | { k: 'stats' }
  | { k: 'adminOrders'; status: OrderStatus | null }
  | { k: 'orderStory'; orderNo: string }
  | { k: 'fulfil'; orderNo: string }
  | { k: 'products'; page: number }
  | { k: 'adminProduct'; id: number }
  | { k: 'editProduct'; id: number; field: EditFieldCode }
  | { k: 'setVisible'; id: number; visible: boolean }
  | { k: 'newProduct' }
  | { k: 'wizardKind'; kind: ProductKind }
  | { k: 'wizardCancel' }
  | { k: 'jobs' }
  | { k: 'runJob'; name: string }
  | { k: 'broadcastSend'; id: string }
  | { k: 'broadcastCancel'; id: string };

export type ActionKind = Action['k'];

/** Buttons only admins are shown; anyone else pressing one (forged data) gets the same answer as for garbage. */
export const ADMIN_ACTIONS: ReadonlySet<ActionKind> = new Set<ActionKind>([
  'adminMenu',
  'stats',
  'adminOrders',
  'orderStory',
  'fulfil',
  'products',
  'adminProduct',
  'editProduct',
  'setVisible',
  'newProduct',
  'wizardKind',
  'wizardCancel',
  'jobs',
  'runJob',
  'broadcastSend',
  'broadcastCancel',
]);

const NONCE = /^[A-Za-z0-9]{6,16}$/;
const JOB_NAME = /^[A-Za-z0-9_.-]{1,48}$/;
const BROADCAST_ID = /^[A-Za-z0-9_-]{1,40}$/;
const MAX_ID = 1_000_000_000_000;
const MAX_QTY = 9_999;

export const fitsCallbackData = (data: string): boolean => Buffer.byteLength(data, 'utf8') <= MAX_CALLBACK_DATA_BYTES;

function raw(a: Action): string {
  switch (a.k) {
    case 'menu':
      return 'm';
    case 'catalog':
      return `c:${a.page}`;
    case 'product':
      return `p:${a.id}`;
    case 'addToCart':
      return `a:${a.id}:${a.qty}`;
    case 'cart':
      return 'k';
    case 'setQty':
      return `q:${a.id}:${a.qty}`;
    case 'clearCart':
      return 'kc';
    case 'checkout':
      return `co:${a.nonce}`;
    case 'pay':
      return `pm:${a.method === 'wechatpay' ? 'q' : 'c'}:${a.nonce}`;
    case 'checkPayment':
      return `ck:${a.orderNo}`;
    case 'cancelOrder':
      return `cx:${a.orderNo}`;
    case 'showQr':
      return `rt:${a.orderNo}`;
    case 'myOrders':
      return 'mo';
    case 'order':
      return `o:${a.orderNo}`;
    case 'balance':
      return 'bl';
    case 'languages':
      return 'lg';
    case 'setLanguage':
      return `l:${a.lang}`;
    case 'adminMenu':
      return 'ad';
    case 'stats':
      return 'st';
    case 'adminOrders':
      return `ao:${a.status ?? '*'}`;
    case 'orderStory':
      return `os:${a.orderNo}`;
    case 'fulfil':
      return `ff:${a.orderNo}`;
    case 'products':
      return `ap:${a.page}`;
    case 'adminProduct':
      return `av:${a.id}`;
    case 'editProduct':
      return `ae:${a.id}:${a.field}`;
    case 'setVisible':
      return `aw:${a.id}:${a.visible ? 1 : 0}`;
    case 'newProduct':
      return 'np';
    case 'wizardKind':
      return `wk:${a.kind}`;
    case 'wizardCancel':
      return 'wx';
    case 'jobs':
      return 'jb';
    case 'runJob':
      return `jr:${a.name}`;
    case 'broadcastSend':
      return `bc:y:${a.id}`;
    case 'broadcastCancel':
      return `bc:n:${a.id}`;
  }
}

/** The callback data for an action; a value that would not fit Telegram's 64 bytes is a bug, said loudly. */
export function encodeAction(action: Action): string {
  const data = raw(action);
  if (!fitsCallbackData(data)) throw new RangeError(`callback data "${data}" is longer than ${MAX_CALLBACK_DATA_BYTES} bytes`);
  return data;
}

function int(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^\d{1,13}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

const orderNo = (text: string | undefined): string | null => (text !== undefined && ORDER_NO_PATTERN.test(text) ? text : null);

/** Parses callback data back into an action; anything stale, forged or malformed gives null. */
export function decodeAction(data: string | undefined): Action | null {
  if (data === undefined || !fitsCallbackData(data)) return null;
  const [head = '', a, b, ...rest] = data.split(':');
  if (rest.length > 0) return null;
  const simple: Record<string, Action> = {
    m: { k: 'menu' },
    k: { k: 'cart' },
    kc: { k: 'clearCart' },
    mo: { k: 'myOrders' },
    bl: { k: 'balance' },
    lg: { k: 'languages' },
    ad: { k: 'adminMenu' },
    st: { k: 'stats' },
    np: { k: 'newProduct' },
    wx: { k: 'wizardCancel' },
    jb: { k: 'jobs' },
  };
  if (a === undefined) return Object.hasOwn(simple, head) ? (simple[head] ?? null) : null;
  const withOrder = (k: 'checkPayment' | 'cancelOrder' | 'showQr' | 'order' | 'orderStory' | 'fulfil'): Action | null => {
    const no = b === undefined ? orderNo(a) : null;
    return no ? { k, orderNo: no } : null;
  };
  const one = b === undefined;
  switch (head) {
    case 'c': {
      const page = one ? int(a, 1, 100_000) : null;
      return page ? { k: 'catalog', page } : null;
    }
    case 'p': {
      const id = one ? int(a, 1, MAX_ID) : null;
      return id ? { k: 'product', id } : null;
    }
    case 'a':
    case 'q': {
      const id = int(a, 1, MAX_ID);
      const qty = int(b, head === 'a' ? 1 : 0, MAX_QTY);
      if (id === null || qty === null) return null;
      return head === 'a' ? { k: 'addToCart', id, qty } : { k: 'setQty', id, qty };
    }
    case 'co':
      return one && NONCE.test(a) ? { k: 'checkout', nonce: a } : null;
    case 'pm':
      return (a === 'q' || a === 'c') && b !== undefined && NONCE.test(b) ? { k: 'pay', method: a === 'q' ? 'wechatpay' : 'credit', nonce: b } : null;
    case 'ck':
      return withOrder('checkPayment');
    case 'cx':
      return withOrder('cancelOrder');
    case 'rt':
      return withOrder('showQr');
    case 'o':
      return withOrder('order');
    case 'os':
      return withOrder('orderStory');
    case 'ff':
      return withOrder('fulfil');
    case 'l':
      return one && (LANGUAGES as readonly string[]).includes(a) ? { k: 'setLanguage', lang: a as Language } : null;
    case 'ao': {
      if (!one) return null;
      if (a === '*') return { k: 'adminOrders', status: null };
      return (ORDER_STATUSES as readonly string[]).includes(a) ? { k: 'adminOrders', status: a as OrderStatus } : null;
    }
    case 'ap': {
      const page = one ? int(a, 1, 100_000) : null;
      return page ? { k: 'products', page } : null;
    }
    case 'av': {
      const id = one ? int(a, 1, MAX_ID) : null;
      return id ? { k: 'adminProduct', id } : null;
    }
    case 'ae': {
      const id = int(a, 1, MAX_ID);
      return id !== null && b !== undefined && Object.hasOwn(EDIT_FIELDS, b) ? { k: 'editProduct', id, field: b as EditFieldCode } : null;
    }
    case 'aw': {
      const id = int(a, 1, MAX_ID);
      return id !== null && (b === '0' || b === '1') ? { k: 'setVisible', id, visible: b === '1' } : null;
    }
    case 'wk':
      return one && (PRODUCT_KINDS as readonly string[]).includes(a) ? { k: 'wizardKind', kind: a as ProductKind } : null;
    case 'jr':
      return one && JOB_NAME.test(a) ? { k: 'runJob', name: a } : null;
    case 'bc': {
      if (b === undefined || !BROADCAST_ID.test(b)) return null;
      if (a === 'y') return { k: 'broadcastSend', id: b };
      return a === 'n' ? { k: 'broadcastCancel', id: b } : null;
    }
    default:
      return null;
  }
}

/** A job name that fits in a "run now" button (job names come from configuration, not from us). */
export const jobButtonFits = (name: string): boolean => JOB_NAME.test(name) && fitsCallbackData(`jr:${name}`);

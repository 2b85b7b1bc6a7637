// Payment notifications exactly as WeChat Pay sends them (protocol text: docs/wechatpay-v3.md §3–4), written here
// from the protocol and not borrowed from the shop: the resource AES-256-GCM encrypted with the APIv3 key, the raw
// body signed RSA-SHA256 with the platform private key over "timestamp\nnonce\nbody\n".
import { createCipheriv, createPrivateKey, KeyObject, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { must } from './must';

export interface PlatformKeys {
  mchId: string;
  appId: string;
  apiV3Key: string;
  platformSerial: string;
  platformPrivateKey: KeyObject;
}

/** The keys the shop's in-process sandbox generated under its data folder (data/sandbox/sandbox-keys.json). */
export function readSandboxKeys(shopDataDir: string): PlatformKeys {
  const stored = JSON.parse(readFileSync(join(shopDataDir, 'sandbox', 'sandbox-keys.json'), 'utf8')) as Record<string, string>;
  for (const field of ['mchId', 'appId', 'apiV3Key', 'platformSerial', 'platformPrivateKey']) {
    if (typeof stored[field] !== 'string') throw new Error(`sandbox-keys.json has no ${field}: the sandbox key file changed shape`);
  }
  const field = (name: string): string => {
    const value = stored[name];
    if (typeof value !== 'string') throw new Error(`sandbox-keys.json has no ${name}: the sandbox key file changed shape`);
    return value;
  };
  return {
    mchId: field('mchId'),
    appId: field('appId'),
    apiV3Key: field('apiV3Key'),
    platformSerial: field('platformSerial'),
    platformPrivateKey: createPrivateKey(field('platformPrivateKey')),
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const nonce = (n: number) => [...randomBytes(n)].map((b) => ALNUM[b % ALNUM.length]).join('');

/** RFC 3339 in Beijing time, as WeChat writes success_time and create_time. */
function beijing(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export interface PaidTrade {
  outTradeNo: string;
  total: number;
  currency: string;
  transactionId: string;
  paidAt: Date;
}

export interface SignedNotification {
  outTradeNo: string;
  headers: Record<string, string>;
  body: Buffer;
}

function envelope(keys: PlatformKeys, trade: PaidTrade): Buffer {
  const plaintext = JSON.stringify({
    appid: keys.appId,
    mchid: keys.mchId,
    out_trade_no: trade.outTradeNo,
    transaction_id: trade.transactionId,
    trade_type: 'NATIVE',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: trade.outTradeNo,
    success_time: beijing(trade.paidAt),
    payer: { openid: 'oBench000000000000000000000' },
    amount: { total: trade.total, payer_total: trade.total, currency: trade.currency, payer_currency: trade.currency },
  });
  const iv = nonce(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key, 'utf8'), Buffer.from(iv, 'utf8'), { authTagLength: 16 });
  cipher.setAAD(Buffer.from('transaction', 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return Buffer.from(
    JSON.stringify({
      id: `bench-${randomBytes(12).toString('hex')}`,
      create_time: beijing(trade.paidAt),
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: 'transaction', nonce: iv },
    }),
    'utf8',
  );
}

/** Signs in libuv's thread pool (crypto.sign with a callback), so a few thousand take seconds, not a core's minute. */
function signAsync(message: Buffer, key: KeyObject): Promise<string> {
  return new Promise((resolve, reject) => sign('sha256', message, key, (error, signature) => (error ? reject(error) : resolve(signature.toString('base64')))));
}

export async function signNotification(keys: PlatformKeys, trade: PaidTrade, now = new Date()): Promise<SignedNotification> {
  const body = envelope(keys, trade);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const n = nonce(32);
  const signature = await signAsync(Buffer.concat([Buffer.from(`${timestamp}\n${n}\n`), body, Buffer.from('\n')]), keys.platformPrivateKey);
  return {
    outTradeNo: trade.outTradeNo,
    body,
    headers: {
      'content-type': 'application/json',
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': n,
      'wechatpay-signature': signature,
      'wechatpay-serial': keys.platformSerial,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      'request-id': randomBytes(8).toString('hex'),
    },
  };
}

export async function signMany(keys: PlatformKeys, trades: PaidTrade[]): Promise<SignedNotification[]> {
  const out: SignedNotification[] = new Array(trades.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < trades.length) {
        const i = next++;
        out[i] = await signNotification(keys, must(trades[i], 'trade'));
      }
    }),
  );
  return out;
}

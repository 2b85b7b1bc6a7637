// Test material for the WeChat Pay suites: throwaway keys, a hand-rolled signer (independent of the code under
// test, written straight from the protocol text) and a local HTTP receiver standing in for the shop's notify_url.
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createCipheriv, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { SandboxCredentials } from '../../../infrastructure/payment/sandbox/sandbox-credentials';
import { WechatPayConfig } from '../../../infrastructure/payment/wechatpay/wechatpay-config';

export interface TestKeys {
  mchId: string;
  appId: string;
  apiV3Key: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  merchantPublicKey: string;
  platformSerial: string;
  platformPrivateKey: string;
  platformPublicKey: string;
}

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

export function makeTestKeys(): TestKeys {
  const merchant = pair();
  const platform = pair();
  return {
    mchId: '1900000109',
    appId: 'wxd678efh567hg6787',
    apiV3Key: 'Abcdefghijklmnopqrstuvwxyz012345',
    merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    platformSerial: 'PUB_KEY_ID_0114232134912410000000000000',
    platformPrivateKey: platform.privateKey,
    platformPublicKey: platform.publicKey,
  };
}

export const rsaPair = pair;

/** The admin token every test gateway is started with (its /sandbox routes ask for it). */
export const SANDBOX_TOKEN = 'test-sandbox-admin-token-0001';

export function gatewayCredentials(k: TestKeys): SandboxCredentials {
  return {
    mchId: k.mchId,
    appId: k.appId,
    apiV3Key: k.apiV3Key,
    merchantSerial: k.merchantSerial,
    merchantPublicKey: k.merchantPublicKey,
    platformSerial: k.platformSerial,
    platformPrivateKey: k.platformPrivateKey,
  };
}

export function clientConfig(k: TestKeys, baseUrl: string, notifyUrl: string, extra: Partial<WechatPayConfig> = {}): WechatPayConfig {
  return {
    baseUrl,
    mchId: k.mchId,
    appId: k.appId,
    apiV3Key: k.apiV3Key,
    merchantSerial: k.merchantSerial,
    merchantPrivateKey: k.merchantPrivateKey,
    platformKeys: [{ serial: k.platformSerial, publicKey: k.platformPublicKey }],
    notifyUrl,
    retryBaseDelayMs: 10,
    ...extra,
  };
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** `TS\nNONCE\nBODY\n` signed with RSA-SHA256 — written out by hand, not through the module under test. */
export function platformHeaders(
  privateKey: string,
  body: string | Buffer,
  o: { serial: string; timestamp?: number; nonce?: string; signature?: string },
): Record<string, string> {
  const timestamp = String(o.timestamp ?? nowSeconds());
  const nonce = o.nonce ?? randomBytes(16).toString('hex');
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\n')]);
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': o.signature ?? sign('sha256', message, privateKey).toString('base64'),
    'wechatpay-serial': o.serial,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** A merchant Authorization header built by hand from the protocol text, parameters in the given order. */
export function merchantAuthorization(
  k: TestKeys,
  method: string,
  pathWithQuery: string,
  body: string,
  o: { timestamp?: number; order?: string[]; privateKey?: string; serial?: string; mchid?: string } = {},
): string {
  const timestamp = String(o.timestamp ?? nowSeconds());
  const nonce = randomBytes(16).toString('hex');
  const signature = sign(
    'sha256',
    Buffer.from(`${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`),
    o.privateKey ?? k.merchantPrivateKey,
  ).toString('base64');
  const params: Record<string, string> = { mchid: o.mchid ?? k.mchId, nonce_str: nonce, signature, timestamp, serial_no: o.serial ?? k.merchantSerial };
  const order = o.order ?? ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'];
  return `WECHATPAY2-SHA256-RSA2048 ${order.map((n) => `${n}="${params[n]}"`).join(',')}`;
}

/** AES-256-GCM as the protocol text describes it, by hand: key = APIv3 key bytes, IV = nonce, tag appended. */
export function encryptResource(apiV3Key: string, nonce: string, associatedData: string, plaintext: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export interface ReceivedRequest {
  at: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  /** Decides the status of each call (1-based call number); 204 by default. */
  respond: (req: ReceivedRequest, call: number) => number;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: ReceivedRequest = { at: Date.now(), method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      const status = receiver.respond(r, received.length);
      res.statusCode = status;
      res.end(status >= 400 ? JSON.stringify({ code: 'FAIL', message: 'not accepted' }) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/payments/wechat/notify`,
    received,
    respond: () => 204,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${count} expected calls`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

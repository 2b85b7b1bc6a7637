// WeChat Pay platform key rotation, against the sandbox gateway over real HTTP with a real shared store: the sandbox
// rotates its key; instance A meets the new serial in a reply and downloads /v3/certificates; instance B meets it in a
// notification and trusts it from the store A wrote (WeChat's certificate endpoint failing meanwhile); forged or
// mislabelled certificate lists are never trusted.
import { minor } from '../../../domain/shared/money';
import { SandboxGateway, startSandboxGateway } from '../../../infrastructure/payment/sandbox/sandbox-gateway';
import { issuePlatformKey } from '../../../infrastructure/payment/sandbox/platform-certificate-issuer';
import { certificateEntry } from '../../../infrastructure/payment/sandbox/sandbox-wire';
import { decodeCertificateList } from '../../../infrastructure/payment/wechatpay/platform-certificates';
import { PlatformKeyRefresher } from '../../../infrastructure/payment/wechatpay/platform-key-refresher';
import { watchPlatformKeys } from '../../../infrastructure/payment/wechatpay/watch-platform-keys';
import { WechatPayProvider } from '../../../infrastructure/payment/wechatpay/wechatpay-provider';
import { eventually } from '../../support/test-shop';
import { databaseBackends } from '../../support/services';
import { storeForSuite } from '../persistence/support/test-store';
import { Receiver, clientConfig, gatewayCredentials, makeTestKeys, startReceiver } from './payment-fixtures';

const keys = makeTestKeys();
const silent = { info: () => undefined, warn: () => undefined };

describe.each(databaseBackends())('platform key rotation (%s)', (backend) => {
  const suite = storeForSuite(backend);
  let gateway: SandboxGateway;
  let receiver: Receiver;
  let seq = 0;
  const outTradeNo = () => `K${Date.now()}${String(++seq).padStart(4, '0')}`;

  beforeAll(async () => {
    gateway = await startSandboxGateway({
      credentials: gatewayCredentials(keys),
      refundDelayMs: 0,
      timeScale: 0.001,
      adminToken: 'rotation-test-admin-token-0001',
    });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await gateway.close();
    await receiver.close();
  });

  function instance(): { provider: WechatPayProvider; keys: PlatformKeyRefresher } {
    const provider = new WechatPayProvider(clientConfig(keys, gateway.url, receiver.url, { maxRetries: 0 }));
    return { provider, keys: watchPlatformKeys(provider.client, suite.store.persistence.platformCertificates, silent) };
  }

  it('learns a rotated key on every instance within the overlap, from WeChat once and from the store after', async () => {
    const a = instance();
    const b = instance();
    expect(await a.keys.refresh()).toEqual({ learned: [], downloaded: true });

    const placedBefore = outTradeNo();
    expect(
      (
        await a.provider.createQrPayment({
          outTradeNo: placedBefore,
          amount: minor(990),
          currency: 'CNY',
          description: 'before',
          expiresAt: new Date(Date.now() + 600_000),
        })
      ).ok,
    ).toBe(true);

    const { serial } = await gateway.rotatePlatformKey();
    // A's next reply is signed by the new key: refused (never believed unverified), and A goes looking for the key.
    const first = await a.provider.query(placedBefore);
    expect(first.ok).toBe(false);
    expect(!first.ok && first.error.code).toBe('INVALID_RESPONSE');
    await eventually(
      async () => (await a.provider.query(placedBefore)).ok,
      (ok) => ok,
    );
    expect(a.provider.client.compiled.platformKeys.serials()).toContain(serial);

    // WeChat's certificate endpoint fails from now on: B can only learn the key from what A stored.
    gateway.knobs.failNext('certificates', 100, { status: 500, code: 'SYSTEM_ERROR' });
    receiver.received.length = 0;
    must(gateway.pay(placedBefore));
    const [notification] = await receiver.waitFor(1);
    const headers = notification!.headers as Record<string, string>;
    expect(headers['wechatpay-serial']).toBe(serial);
    const firstTry = b.provider.parseNotification(headers, notification!.body, new Date());
    expect(!firstTry.ok && firstTry.error.code).toBe('UNKNOWN_SERIAL');
    // WeChat's retry of the same notification (15 s later in production) is accepted once B has read the store.
    const accepted = await eventually(
      async () => b.provider.parseNotification(headers, notification!.body, new Date()),
      (r) => r.ok,
    );
    expect(accepted.ok && accepted.value).toMatchObject({ type: 'TRANSACTION.SUCCESS', trade: { outTradeNo: placedBefore } });

    // The old key is still trusted during the overlap.
    const c = instance();
    expect(c.provider.client.compiled.platformKeys.get(keys.platformSerial)).toBeDefined();
    expect(await c.keys.loadStored()).toEqual({ learned: [serial], downloaded: false });
    gateway.knobs.reset();
  });

  it('saving the same certificates again changes nothing', async () => {
    const store = suite.store.persistence.platformCertificates;
    const before = await store.load();
    const cert = await issuePlatformKey(keys.mchId, new Date());
    const list = must(decodeCertificateList(Buffer.from(JSON.stringify({ data: [certificateEntry(cert, keys.apiV3Key)] })), keys.apiV3Key, new Date()));
    await store.save(list);
    await store.save(list);
    const after = await store.load();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((r) => r.serial === cert.serial)?.pem).toBe(cert.certificatePem);
  });
});

describe('certificate lists that must not be trusted', () => {
  const now = new Date();
  const body = (entries: unknown[]) => Buffer.from(JSON.stringify({ data: entries }));

  it('refuses a certificate encrypted under another APIv3 key, a tampered one, a mislabelled one and a bad algorithm', async () => {
    const cert = await issuePlatformKey(keys.mchId, now);
    const good = certificateEntry(cert, keys.apiV3Key) as { serial_no: string; encrypt_certificate: Record<string, string> };
    expect(must(decodeCertificateList(body([good]), keys.apiV3Key, now)).map((c) => c.serial)).toEqual([cert.serial]);

    const otherKey = certificateEntry(cert, 'b'.repeat(32));
    expect(decodeCertificateList(body([otherKey]), keys.apiV3Key, now)).toMatchObject({ ok: false, error: expect.stringMatching(/does not decrypt/) });

    const bytes = Buffer.from(good.encrypt_certificate.ciphertext!, 'base64');
    bytes[10] = bytes[10]! ^ 1;
    const tampered = { ...good, encrypt_certificate: { ...good.encrypt_certificate, ciphertext: bytes.toString('base64') } };
    expect(decodeCertificateList(body([tampered]), keys.apiV3Key, now).ok).toBe(false);

    const mislabelled = { ...good, serial_no: 'ABCDEF0123' };
    expect(decodeCertificateList(body([mislabelled]), keys.apiV3Key, now)).toMatchObject({ ok: false, error: expect.stringMatching(/has serial/) });

    const plain = { ...good, encrypt_certificate: { ...good.encrypt_certificate, algorithm: 'NONE' } };
    expect(decodeCertificateList(body([plain]), keys.apiV3Key, now).ok).toBe(false);
    // One bad entry makes the whole list suspect.
    expect(decodeCertificateList(body([good, otherKey]), keys.apiV3Key, now).ok).toBe(false);
  });

  it('skips a certificate that has expired, and does not trust one that is not valid yet', async () => {
    const cert = await issuePlatformKey(keys.mchId, now);
    const later = new Date(cert.notAfter.getTime() + 1000);
    expect(must(decodeCertificateList(body([certificateEntry(cert, keys.apiV3Key)]), keys.apiV3Key, later))).toEqual([]);
    const earlier = new Date(cert.notBefore.getTime() - 1000);
    expect(must(decodeCertificateList(body([certificateEntry(cert, keys.apiV3Key)]), keys.apiV3Key, earlier))).toEqual([]);
  });
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

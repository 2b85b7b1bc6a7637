import { LookupAddress } from 'node:dns';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpFulfilmentWebhook } from '../../../infrastructure/fulfilment/http-fulfilment-webhook';
import { literalTargetRefusal, publicOnlyLookup, webhookHostResolver } from '../../../infrastructure/fulfilment/webhook-target-guard';

const fixed =
  (addresses: string[]) =>
  (_host: string, _options: unknown, done: (e: Error | null, a: LookupAddress[]) => void): void =>
    done(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

const ask = (lookup: ReturnType<typeof publicOnlyLookup>, all: boolean) =>
  new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((done) =>
    lookup('merchant.example', { all }, (error: NodeJS.ErrnoException | null, address: unknown, family?: number) =>
      done({ error, result: all ? address : { address, family } }),
    ),
  );

describe('the send-time target check', () => {
  it('hands the connection exactly the addresses it checked (one, or all of them)', async () => {
    const lookup = publicOnlyLookup(fixed(['93.184.216.34', '2606:4700::1111']));
    expect(await ask(lookup, false)).toEqual({ error: null, result: { address: '93.184.216.34', family: 4 } });
    expect(await ask(lookup, true)).toEqual({
      error: null,
      result: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    });
  });

  it.each([[['127.0.0.1']], [['93.184.216.34', '10.0.0.1']], [['::1']], [['fe80::1']], [['169.254.169.254']]])(
    'refuses a name resolving to %j',
    async (addresses) => {
      const { error } = await ask(publicOnlyLookup(fixed(addresses)), true);
      expect(error?.code).toBe('WEBHOOK_TARGET_NOT_ALLOWED');
    },
  );

  it('refuses address literals, which never reach a lookup', () => {
    expect(literalTargetRefusal('http://127.0.0.1:6379/')).toMatch(/^WEBHOOK_TARGET_NOT_ALLOWED: 127\.0\.0\.1/);
    expect(literalTargetRefusal('http://[::1]/')).toMatch(/^WEBHOOK_TARGET_NOT_ALLOWED: ::1/);
    expect(literalTargetRefusal('https://93.184.216.34/')).toBeNull();
    expect(literalTargetRefusal('https://merchant.example/')).toBeNull();
  });

  it('resolves with the system resolver: localhost is this machine', async () => {
    const addresses = await webhookHostResolver().addressesOf('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    expect(await webhookHostResolver().addressesOf('no-such-host.invalid')).toEqual([]);
  });

  it('a real send to localhost or 127.0.0.1 is refused before any byte reaches the receiver', async () => {
    let received = 0;
    const receiver = createServer((req, res) => {
      received += 1;
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const port = (receiver.address() as AddressInfo).port;
    const request = { idempotencyKey: 'T1:1', orderNo: 'T1', lineNo: 1, sku: 'S', quantity: 1, userId: '1', paidAt: new Date().toISOString() };
    try {
      const guarded = new HttpFulfilmentWebhook('secret-secret-secret', { allowPrivate: false }, 2000);
      for (const url of [`http://localhost:${port}/hook`, `http://127.0.0.1:${port}/hook`]) {
        const sent = await guarded.send({ ...request, url });
        expect(sent).toMatchObject({ ok: false });
        if (!sent.ok) expect(sent.error.message).toMatch(/WEBHOOK_TARGET_NOT_ALLOWED/);
      }
      expect(received).toBe(0);
      const open = new HttpFulfilmentWebhook('secret-secret-secret', { allowPrivate: true }, 2000);
      expect(await open.send({ ...request, url: `http://127.0.0.1:${port}/hook` })).toEqual({ ok: true, value: undefined });
      expect(received).toBe(1);
    } finally {
      await new Promise((done) => receiver.close(done));
    }
  });
});

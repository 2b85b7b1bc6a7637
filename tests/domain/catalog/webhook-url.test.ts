import { STRICT_WEBHOOK_URL_RULES, checkWebhookUrlText, isPublicAddress, validateProductDraft, validateProductPatch } from '../../../domain/catalog';
import { DomainWorld, openDomainWorld } from '../support/domain-world';

const TRIAL = { allowPrivate: false, requireHttps: false };
const hook = (webhookUrl: string) => ({ sku: 'HOOK-1', title: 'Hook', kind: 'webhook', price: { amount: 100, currency: 'CNY' }, webhookUrl });

describe('webhook URLs: where a webhook product may point', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:0101::1',
    '2001:db8::1',
  ])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s is public', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it.each(['localhost', 'example', '1.2.3', 'not an address', ''])('%s is not an address, so not public', (text) => expect(isPublicAddress(text)).toBe(false));

  it.each([
    'http://127.0.0.1:6379/',
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:8080/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/', // 127.0.0.1 as one number: the URL parser normalises it
    'http://0x7f.1/',
    'http://localhost:3000/',
    'http://shop.localhost/',
    'http://redis:6379/',
    'http://printer.local/',
  ])('refuses %s with WEBHOOK_URL_NOT_ALLOWED', (url) => {
    const r = validateProductDraft(hook(url), 'CNY', TRIAL);
    expect(r).toMatchObject({ ok: false, error: { code: 'WEBHOOK_URL_NOT_ALLOWED', details: { field: 'webhookUrl' } } });
  });

  it('takes a public host, and a private one when WEBHOOK_ALLOW_PRIVATE allows it', () => {
    expect(validateProductDraft(hook('http://merchant.example/fulfil'), 'CNY', TRIAL)).toMatchObject({ ok: true });
    expect(validateProductDraft(hook('http://127.0.0.1:9000/hook'), 'CNY', { allowPrivate: true, requireHttps: false })).toMatchObject({ ok: true });
  });

  it('requires https in production, and refuses credentials in the URL', () => {
    expect(checkWebhookUrlText('webhookUrl', 'http://merchant.example/f', STRICT_WEBHOOK_URL_RULES)).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_URL_NOT_ALLOWED', message: 'webhookUrl: must be an https URL' },
    });
    expect(checkWebhookUrlText('webhookUrl', 'https://merchant.example/f', STRICT_WEBHOOK_URL_RULES)).toMatchObject({ ok: true });
    expect(checkWebhookUrlText('webhookUrl', 'https://u:p@merchant.example/f', STRICT_WEBHOOK_URL_RULES)).toMatchObject({ ok: false });
  });

  it('a patch that leaves a stored URL alone is not refused for it; a patch that sets one is checked', () => {
    const stored = { ...validateProductDraftOrThrow(hook('http://merchant.example/f')), webhookUrl: 'http://10.0.0.1/old' };
    expect(validateProductPatch(stored, { title: 'Renamed' }, 'CNY', TRIAL)).toMatchObject({ ok: true });
    expect(validateProductPatch(stored, { webhookUrl: 'http://10.0.0.2/new' }, 'CNY', TRIAL)).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_URL_NOT_ALLOWED' },
    });
  });
});

function validateProductDraftOrThrow(input: ReturnType<typeof hook>) {
  const r = validateProductDraft(input, 'CNY', TRIAL);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('webhook URLs when an admin sets them: the host name is resolved', () => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await openDomainWorld();
  });
  afterAll(() => w.close());

  it('refuses a name that resolves to a private address (any of its addresses), on create and on update; nothing is written', async () => {
    w.dns.hosts.set('inside.example', ['93.184.216.34', '10.0.0.7']);
    w.dns.hosts.set('rebind.example', ['127.0.0.1']);
    w.dns.hosts.set('v6.example', ['fd00::5']);
    w.dns.hosts.set('public.example', ['93.184.216.34', '2606:4700::1111']);
    for (const host of ['inside.example', 'rebind.example', 'v6.example']) {
      const created = await w.shop.catalog.createProduct({ ...hook(`https://${host}/hook`), sku: `H-${host.split('.')[0]}` });
      expect(created).toMatchObject({ ok: false, error: { code: 'WEBHOOK_URL_NOT_ALLOWED', details: { field: 'webhookUrl' } } });
      if (!created.ok) expect(created.error.message).toContain(host);
    }
    const listed = await w.shop.catalog.browseProducts({ includeHidden: true, pageSize: 50 });
    expect(listed.ok && listed.value.items.filter((p) => p.sku.startsWith('H-'))).toEqual([]);

    const made = await w.shop.catalog.createProduct({ ...hook('https://public.example/hook'), sku: 'H-public' });
    expect(made).toMatchObject({ ok: true, value: { webhookUrl: 'https://public.example/hook' } });
    if (!made.ok) return;
    const moved = await w.shop.catalog.updateProduct(made.value.id, { webhookUrl: 'https://rebind.example/hook' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'WEBHOOK_URL_NOT_ALLOWED' } });
    const kept = await w.shop.catalog.getProduct(made.value.id, { includeHidden: true });
    expect(kept.ok && kept.value.webhookUrl).toBe('https://public.example/hook');
  });

  it('accepts a name with no address yet (every send checks it again)', async () => {
    expect(await w.shop.catalog.createProduct({ ...hook('https://not-yet.example/hook'), sku: 'H-later' })).toMatchObject({ ok: true });
  });
});

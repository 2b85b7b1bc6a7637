import { STRICT_WEBHOOK_URL_RULES, validateProductDraft, validateProductPatch, codesFromText } from '../../../domain/catalog';

const RULES = STRICT_WEBHOOK_URL_RULES;
import { price } from '../../../domain/shared/money';

describe('product drafts', () => {
  const base = { sku: 'SKU-1', title: ' Title ', kind: 'manual', price: { amount: 100, currency: 'CNY' } };

  it('accepts a complete product and trims text', () => {
    const r = validateProductDraft(base, 'CNY', RULES);
    expect(r).toMatchObject({ ok: true, value: { sku: 'SKU-1', title: 'Title', stock: null, visible: true } });
    if (r.ok) expect(r.value.price).toEqual(price(100, 'CNY'));
  });

  it.each([
    [{ ...base, sku: '' }, 'sku'],
    [{ ...base, kind: 'gift' }, 'kind'],
    [{ ...base, price: { amount: 1.5, currency: 'CNY' } }, 'price.amount'],
    [{ ...base, price: { amount: 1, currency: 'EUR' } }, 'price.currency'],
    [{ ...base, stock: -1 }, 'stock'],
    [{ ...base, kind: 'credit' }, 'creditAmount'],
    [{ ...base, creditAmount: 5 }, 'creditAmount'],
    [{ ...base, kind: 'webhook', webhookUrl: 'not a url' }, 'webhookUrl'],
    [{ ...base, kind: 'code', stock: 3 }, 'stock'],
    [{ ...base, title: 'x'.repeat(121) }, 'title'],
  ])('refuses %j with a message naming %s', (input, field) => {
    const r = validateProductDraft(input, 'CNY', RULES);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION_FAILED');
      expect(r.error.message.startsWith(field)).toBe(true);
    }
  });

  it('a code product starts with stock 0 and a patch cannot change kind or stock', () => {
    const code = validateProductDraft({ ...base, kind: 'code' }, 'CNY', RULES);
    expect(code).toMatchObject({ ok: true, value: { stock: 0 } });
    if (!code.ok) return;
    expect(validateProductPatch(code.value, { kind: 'manual' }, 'CNY', RULES)).toMatchObject({ ok: false });
    expect(validateProductPatch(code.value, { stock: 4 }, 'CNY', RULES)).toMatchObject({ ok: false });
    expect(validateProductPatch(code.value, { title: 'New' }, 'CNY', RULES)).toMatchObject({ ok: true, value: { title: 'New', kind: 'code' } });
  });

  it('reads an uploaded code file one code per line', () => {
    expect(codesFromText(' A-1 \r\n\r\nB-2\n  \nC-3')).toEqual(['A-1', 'B-2', 'C-3']);
  });
});

import { SandboxTrade } from './sandbox-records';

/** The same words as the gateway's start-up line (sandbox-gateway.ts); kept here so the page imports no server. */
export const PAY_PAGE_BANNER = 'PAYMENTS ARE SIMULATED — sandbox, no real money';

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** ¥x.yy from integer fen, without ever going through a float. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface PayPageLook {
  /** The wallet's colour on its Pay button. */
  accent: string;
  /** One line under the banner saying whose sandbox this is. */
  note: string;
  /** Form layout: WeChat's buttons sit side by side, Alipay's account picker above its button. */
  formStyle: string;
}

const WECHAT_LOOK: PayPageLook = {
  accent: '#07c160',
  note: 'WeChat Pay sandbox: pressing Pay charges nobody; the shop is told it was paid.',
  formStyle:
    'form{display:inline-block;margin:.5rem .5rem 0 0}button{font-size:1.1rem;padding:.6rem 1.4rem;border-radius:.4rem;border:1px solid #888;background:#fff}',
};

/** Every wallet's pay page: the same shell, with the simulated-payments banner on top. */
export function payPageShell(look: PayPageLook, title: string, inner: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}
.amount{font-size:2.5rem;font-weight:600;margin:.5rem 0}.note{color:#666;font-size:.9rem}
${look.formStyle}
button.pay{background:${look.accent};border-color:${look.accent};color:#fff}
.banner{background:#b00020;color:#fff;font-weight:700;padding:.8rem 1rem;border-radius:.4rem;text-align:center;letter-spacing:.02em}</style></head>
<body><div class="banner" role="alert" id="simulated">${PAY_PAGE_BANNER}</div>
<p class="note">${escapeHtml(look.note)}</p>${inner}</body></html>`;
}

const page = (title: string, inner: string): string => payPageShell(WECHAT_LOOK, title, inner);

const stateLine: Record<SandboxTrade['state'], string> = {
  NOTPAY: 'Awaiting payment',
  SUCCESS: 'Already paid',
  REFUND: 'Paid (a refund was made)',
  CLOSED: 'This order is closed and can no longer be paid',
};

/** The page a scanned code_url opens: plain HTML forms, so it works without JavaScript. */
export function renderPayPage(t: SandboxTrade): string {
  const head = `<h1>${escapeHtml(t.description)}</h1><div class="amount">${formatYuan(t.total)}</div>`;
  if (t.state !== 'NOTPAY') return page('Order', `${head}<p>${stateLine[t.state]}.</p>`);
  // Relative actions: the page still works when the gateway sits behind a path prefix.
  return page(
    `Pay ${formatYuan(t.total)}`,
    `${head}<p class="note">Order ${escapeHtml(t.outTradeNo)} · payable until ${escapeHtml(t.expiresAt)}</p>
<form method="post" action="${t.id}/pay"><button class="pay" type="submit">Pay ${formatYuan(t.total)}</button></form>
<form method="post" action="${t.id}/cancel"><button type="submit">Cancel</button></form>`,
  );
}

export function renderResultPage(t: SandboxTrade, outcome: 'paid' | 'cancelled' | 'refused', why?: string): string {
  const head = `<h1>${escapeHtml(t.description)}</h1><div class="amount">${formatYuan(t.total)}</div>`;
  if (outcome === 'paid') {
    return page(
      'Payment successful',
      `${head}<p><strong>Payment successful.</strong> Transaction ${escapeHtml(t.transactionId ?? '')}.</p><p>You can return to the chat.</p>`,
    );
  }
  if (outcome === 'cancelled')
    return page('Payment cancelled', `${head}<p><strong>Payment cancelled.</strong> Nothing was charged; the order stays unpaid.</p>`);
  return page('Payment not possible', `${head}<p><strong>Payment not possible:</strong> ${escapeHtml(why ?? stateLine[t.state])}.</p>`);
}

export const renderNotFoundPage = (): string => page('Not found', '<h1>No such payment</h1><p>This payment link is unknown.</p>');

import { formatYuan } from '../pay-page';
import { AlipayTrade } from './alipay-records';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The sandbox's Alipay buyers: the tester picks who paid (their account shows in the trade as buyer_logon_id). */
export const SANDBOX_ALIPAY_BUYERS: ReadonlyArray<string> = ['tes***@sandbox.com', '186******01', 'ali***@example.com'];

function page(title: string, inner: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}
.amount{font-size:2.5rem;font-weight:600;margin:.5rem 0}.note{color:#666;font-size:.9rem}
form{margin:.5rem 0}select,button{font-size:1.1rem;padding:.5rem 1rem;border-radius:.4rem;border:1px solid #888;background:#fff}
button.pay{background:#1677ff;border-color:#1677ff;color:#fff}</style></head>
<body><p class="note">Alipay sandbox — no real money moves</p>${inner}</body></html>`;
}

const stateLine: Record<AlipayTrade['status'], string> = {
  WAIT_BUYER_PAY: 'Awaiting payment',
  TRADE_SUCCESS: 'Already paid',
  TRADE_FINISHED: 'Already paid',
  TRADE_CLOSED: 'This trade is closed and can no longer be paid',
};

/** What the scanned qr_code opens: the buyer's wallet, as plain HTML forms. */
export function renderAlipayPayPage(t: AlipayTrade): string {
  const head = `<h1>${escapeHtml(t.subject)}</h1><div class="amount">${formatYuan(t.total)}</div>`;
  if (t.status !== 'WAIT_BUYER_PAY') return page('Alipay', `${head}<p>${stateLine[t.status]}.</p>`);
  const buyers = SANDBOX_ALIPAY_BUYERS.map((b) => `<option value="${escapeHtml(b)}">${escapeHtml(b)}</option>`).join('');
  return page(
    `Pay ${formatYuan(t.total)} with Alipay`,
    `${head}<p class="note">Order ${escapeHtml(t.outTradeNo)} · payable until ${escapeHtml(t.expiresAt)}</p>
<form method="post" action="${t.id}/pay"><label>Paying account <select name="buyer">${buyers}</select></label>
<p><button class="pay" type="submit">Pay ${formatYuan(t.total)} with Alipay</button></p></form>`,
  );
}

export function renderAlipayResultPage(t: AlipayTrade, why?: string): string {
  const head = `<h1>${escapeHtml(t.subject)}</h1><div class="amount">${formatYuan(t.total)}</div>`;
  return why === undefined
    ? page(
        'Payment successful',
        `${head}<p><strong>Payment successful.</strong> Alipay trade ${escapeHtml(t.tradeNo ?? '')}, paid by ${escapeHtml(t.buyerLogonId ?? '')}.</p><p>You can return to the chat.</p>`,
      )
    : page('Payment not possible', `${head}<p><strong>Payment not possible:</strong> ${escapeHtml(why)}.</p>`);
}

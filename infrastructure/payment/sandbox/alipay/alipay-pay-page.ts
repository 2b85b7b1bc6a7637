import { PayPageLook, escapeHtml, formatYuan, payPageShell } from '../pay-page';
import { AlipayTrade } from './alipay-records';

/** The sandbox's Alipay buyers: the tester picks who paid (their account shows in the trade as buyer_logon_id). */
export const SANDBOX_ALIPAY_BUYERS: ReadonlyArray<string> = ['tes***@sandbox.com', '186******01', 'ali***@example.com'];

const ALIPAY_LOOK: PayPageLook = {
  accent: '#1677ff',
  note: 'Alipay sandbox — no real money moves',
  formStyle: 'form{margin:.5rem 0}select,button{font-size:1.1rem;padding:.5rem 1rem;border-radius:.4rem;border:1px solid #888;background:#fff}',
};

const page = (title: string, inner: string): string => payPageShell(ALIPAY_LOOK, title, inner);

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

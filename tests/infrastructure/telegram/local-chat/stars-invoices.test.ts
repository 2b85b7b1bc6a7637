// Telegram Stars on the local Bot API and its chat page, with the test playing the bot over raw HTTP: Telegram's
// rules for invoices, pre-checkout and refunds, in Telegram's words, and the page's Pay button driving the flow.
import Fastify, { type FastifyInstance } from 'fastify';
import { type LocalBotApi, startLocalBotApi, type TgUpdate } from '../../../../infrastructure/telegram/local-bot-api';
import { ChatPeople } from '../../../../infrastructure/telegram/local-chat/chat-people';
import { chatRoutes } from '../../../../infrastructure/telegram/local-chat/chat-routes';
import { EventReader, chatPost, say } from '../../../chat/support/chat-client';
import { must } from '../../../support/must';

let local: LocalBotApi;
let app: FastifyInstance;
let base: string;
let offset = 0;
const [shopper] = ChatPeople.builtIn().map((p) => p.id) as [number];

async function call(method: string, body: Record<string, unknown> = {}): Promise<{ ok: boolean; result?: unknown; description?: string }> {
  const response = await fetch(`${local.apiRoot}/bot${local.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; result?: unknown; description?: string };
}
async function asBot(method: string, body: Record<string, unknown> = {}): Promise<unknown> {
  const answer = await call(method, body);
  if (!answer.ok) throw new Error(`${method}: ${answer.description}`);
  return answer.result;
}
async function nextUpdate(accept: (u: TgUpdate) => boolean = () => true): Promise<TgUpdate> {
  for (;;) {
    const updates = (await asBot('getUpdates', { offset, timeout: 10, allowed_updates: ['message', 'pre_checkout_query', 'callback_query'] })) as TgUpdate[];
    for (const update of updates) {
      offset = update.update_id + 1;
      if (accept(update)) return update;
    }
  }
}
const invoice = (overrides: Record<string, unknown> = {}) => ({
  chat_id: shopper,
  title: 'Order T1',
  description: 'Game key',
  payload: 'T1',
  provider_token: '',
  currency: 'XTR',
  prices: [{ label: 'Game key', amount: 50 }],
  ...overrides,
});

beforeAll(async () => {
  local = await startLocalBotApi({ driverHttp: false, preCheckoutTimeoutMs: 1_500 });
  app = Fastify();
  await app.register(chatRoutes({ driver: local.driver, people: new ChatPeople() }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await say(base, shopper, '/start');
  await nextUpdate();
});

afterAll(async () => {
  await app.close();
  await local.close();
});

describe('Telegram Stars on the local Bot API', () => {
  it('holds invoices to Telegram’s rules for Stars', async () => {
    expect(await call('sendInvoice', invoice({ provider_token: '284685063:TEST:abc' }))).toMatchObject({
      ok: false,
      description: 'Bad Request: PAYMENT_PROVIDER_INVALID',
    });
    expect(
      await call(
        'sendInvoice',
        invoice({
          prices: [
            { label: 'a', amount: 20 },
            { label: 'b', amount: 30 },
          ],
        }),
      ),
    ).toMatchObject({ ok: false, description: 'Bad Request: STARS_INVOICE_INVALID' });
    expect(await call('sendInvoice', invoice({ prices: [{ label: 'a', amount: 10_001 }] }))).toMatchObject({
      ok: false,
      description: 'Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID',
    });
    expect(await call('sendInvoice', invoice({ prices: [{ label: 'a', amount: 0 }] }))).toMatchObject({
      ok: false,
      description: 'Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID',
    });
    expect(await call('sendInvoice', invoice({ payload: 'x'.repeat(129) }))).toMatchObject({ ok: false, description: 'Bad Request: PAYLOAD_INVALID' });
    expect(await call('createInvoiceLink', invoice({ currency: 'USD' }))).toMatchObject({ ok: false, description: 'Bad Request: PAYMENT_PROVIDER_INVALID' });
    const link = await call('createInvoiceLink', invoice());
    expect(link).toMatchObject({ ok: true, result: expect.stringMatching(/^https:\/\/t\.me\/\$/) });
    expect(await call('refundStarPayment', { user_id: shopper, telegram_payment_charge_id: 'stxnothing' })).toMatchObject({
      ok: false,
      description: 'Bad Request: CHARGE_NOT_FOUND',
    });
  });

  it('pays from the page’s Pay button only after the bot’s yes, shows it paid, refunds once, and fails an unanswered pre-checkout', async () => {
    const events = new EventReader(`${base}/chat/api/events`);
    try {
      await events.next('snapshot');
      const sent = (await asBot('sendInvoice', invoice())) as { message_id: number };
      const shown = (await events.next('message', (d) => (d.message as { id: number }).id === sent.message_id)).message as Record<string, unknown>;
      expect(shown).toMatchObject({ invoice: { title: 'Order T1', amount: 50, currency: 'XTR', state: 'open' }, buttons: [[{ text: 'Pay ⭐️50', pay: true }]] });

      const paying = chatPost(base, `/people/${shopper}/invoices/${sent.message_id}/pay`, {});
      const query = must((await nextUpdate((u) => u.pre_checkout_query !== undefined)).pre_checkout_query, 'a pre-checkout query') as {
        id: string;
        total_amount: number;
        currency: string;
        invoice_payload: string;
      };
      expect(query).toMatchObject({ total_amount: 50, currency: 'XTR', invoice_payload: 'T1' });
      expect(await call('answerPreCheckoutQuery', { pre_checkout_query_id: query.id, ok: false })).toMatchObject({
        ok: false,
        description: 'Bad Request: ERROR_MESSAGE_EMPTY',
      });
      await asBot('answerPreCheckoutQuery', { pre_checkout_query_id: query.id, ok: true });
      // Answered once: a second answer is too late, as Telegram says it.
      expect(await call('answerPreCheckoutQuery', { pre_checkout_query_id: query.id, ok: true })).toMatchObject({
        ok: false,
        description: expect.stringMatching(/query is too old/),
      });
      const outcome = (await (await paying).json()) as { status: string; chargeId: string };
      expect(outcome.status).toBe('paid');
      const paid = must((await nextUpdate((u) => u.message !== undefined)).message, 'the payment message') as { successful_payment?: Record<string, unknown> };
      expect(paid.successful_payment).toMatchObject({ currency: 'XTR', total_amount: 50, invoice_payload: 'T1', telegram_payment_charge_id: outcome.chargeId });
      expect(outcome.chargeId.length).toBeGreaterThan(64);
      const redrawn = (await events.next('edited', (d) => (d.message as { id: number }).id === sent.message_id)).message as Record<string, unknown>;
      expect(redrawn).toMatchObject({ invoice: { state: 'paid' } });
      expect(redrawn.buttons).toBeUndefined();

      await asBot('refundStarPayment', { user_id: shopper, telegram_payment_charge_id: outcome.chargeId });
      expect(await call('refundStarPayment', { user_id: shopper, telegram_payment_charge_id: outcome.chargeId })).toMatchObject({
        ok: false,
        description: 'Bad Request: CHARGE_ALREADY_REFUNDED',
      });
      const note = (
        await events.next(
          'message',
          (d) => (d.message as { payment?: unknown }).payment !== undefined && (d.message as { payment: { kind: string } }).payment.kind === 'refunded',
        )
      ).message;
      expect(note).toMatchObject({ payment: { kind: 'refunded', amount: 50, currency: 'XTR' } });
      expect(local.driver.starsBalance()).toBe(0);

      // A bot that never answers: Telegram fails the payment after its deadline, and no stars move.
      const second = (await asBot('sendInvoice', invoice({ payload: 'T2' }))) as { message_id: number };
      const unanswered = await chatPost(base, `/people/${shopper}/invoices/${second.message_id}/pay`, {});
      expect(await unanswered.json()).toEqual({ status: 'timeout' });
      expect(local.driver.starsCharges()).toHaveLength(1);
    } finally {
      events.close();
    }
  });
});

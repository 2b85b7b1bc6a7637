import type { LocalUser } from './chat-state';

/** Telegram's bounds on a Stars invoice. */
export const MIN_STARS = 1;
export const MAX_STARS = 10_000;
export const STARS_CURRENCY = 'XTR';

/** What an invoice asks for, as `sendInvoice` or `createInvoiceLink` made it. */
export interface InvoiceSpec {
  title: string;
  description: string;
  payload: string;
  currency: string;
  totalAmount: number;
  label: string;
}

export interface PreCheckoutAnswer {
  ok: boolean;
  errorMessage?: string;
  at: number;
}

/** A pre_checkout_query the bot must answer within the deadline, else the payment fails. */
export interface PreCheckoutState {
  id: string;
  user: LocalUser;
  invoice: InvoiceSpec;
  createdAt: number;
  answer?: PreCheckoutAnswer;
}

/** A Stars payment Telegram took: refundable once, to the user who paid. */
export interface StarsCharge {
  id: string;
  userId: number;
  invoice: InvoiceSpec;
  paidAt: number;
  refundedAt?: number;
  /** The message update that told the bot (sent again by `redeliverSuccessfulPayment`). */
  update: Record<string, unknown>;
}

/** One bot's Stars: its invoices (in chats and as links), the open pre-checkout queries and the charges. */
export class StarsBook {
  /** Invoice messages by `${chatId}:${messageId}`. */
  readonly messageInvoices = new Map<string, InvoiceSpec>();
  /** Invoice links by slug. */
  readonly links = new Map<string, InvoiceSpec>();
  readonly preCheckouts = new Map<string, PreCheckoutState>();
  readonly charges = new Map<string, StarsCharge>();

  /** Stars the bot holds: paid in, minus refunded. */
  balance(): number {
    let stars = 0;
    for (const charge of this.charges.values()) if (charge.refundedAt === undefined) stars += charge.invoice.totalAmount;
    return stars;
  }
}

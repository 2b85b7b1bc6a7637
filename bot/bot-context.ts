import type { Context } from 'telegraf';
import type { Language } from '../domain/account';
import type { Translate } from './i18n/translate';

/** A product being created step by step; raw answers, validated by the use case when all are in. */
export const WIZARD_FIELDS = ['sku', 'title', 'kind', 'price', 'creditAmount', 'webhookUrl', 'stock', 'starsPrice', 'description'] as const;
export type WizardField = (typeof WIZARD_FIELDS)[number];

export interface ProductWizard {
  asking: WizardField;
  answers: Partial<Record<WizardField, string | number | null>>;
}

/** One product field an admin is about to send (after tapping an edit button). */
export interface AwaitingInput {
  productId: number;
  field: 'title' | 'price' | 'description' | 'photoUrl' | 'stock' | 'codes' | 'starsPrice';
}

/** A checkout of a cart with other shops' or physical goods, step by step: how it is paid, the delivery picked per seller, the address. */
export interface MarketCheckout {
  method: 'credit' | 'wechatpay' | 'alipay';
  nonce: string;
  /** sellerId → delivery option id. */
  delivery: Record<string, number>;
  /** The seller whose delivery options are on screen (a forged option of another seller is refused at checkout). */
  asking?: number;
  /** The saved address was shown and accepted (or just typed). */
  addressConfirmed?: boolean;
  /** The next text the shopper sends is their address. */
  awaitingAddress?: boolean;
}

export interface PendingBroadcast {
  id: string;
  text: string;
}

/** Per-chat conversation state, kept in the session store (Redis) with a TTL so any replica can continue it. */
export interface BotSession {
  /** The language chosen with /lang as the shop stores it (null = follow Telegram); absent = not read yet. */
  chosen?: string | null;
  /** Telegram's language_code as last seen, so the notifier's copy is refreshed only when it changes. */
  tgLang?: string;
  wizard?: ProductWizard;
  awaiting?: AwaitingInput;
  broadcast?: PendingBroadcast;
  /** A review just rated with stars: the next text message is its words. */
  reviewText?: { reviewId: number };
  market?: MarketCheckout;
  /** A `/sell` application in progress: the question asked, the answers so far. */
  sellApplication?: { asking: 'shopName' | 'contact' | 'description'; answers: Partial<Record<'shopName' | 'contact' | 'description', string>> };
  /** The shopper's last search in this chat, for its page buttons. */
  search?: string;
  /** A coupon for the checkout of the cart screen `nonce`: typed next (`awaiting`), or checked and applied (`code`). */
  coupon?: { nonce: string; code: string | null; awaiting: boolean };
}

export interface BotContext extends Context {
  session: BotSession;
  /** The texts in the language this chat is spoken to in. */
  t: Translate;
  lang: Language;
  /** The Telegram user id as the shop knows shoppers (decimal string). */
  userId: string;
  isAdmin: boolean;
}

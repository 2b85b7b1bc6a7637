import { Clock } from '../shared/clock';
import { UnitOfWork } from '../shared/unit-of-work';
import { Mailer } from './mail';
import { Notifier, SellerRecipient } from './notices';

/** Who a broadcast goes to; the shoppers' table answers it (messaging does not depend on the account context). */
export interface RecipientDirectory {
  /** Recipient chat ids in ascending string order after the cursor (null = from the start). */
  listIds(after: string | null, limit: number): Promise<string[]>;
  /** A shopper's mail address (null when they set none) and language; null when there is no such shopper. */
  mailOf(userId: string): Promise<{ email: string | null; language: string | null } | null>;
}

/** How sellers are reached; the sellers' table answers it (messaging does not depend on the sellers context). */
export interface SellerRecipientDirectory {
  find(sellerId: number): Promise<SellerRecipient | null>;
}

/** What messaging adds to a transaction. */
export interface MessagingRepositories {
  recipients: RecipientDirectory;
  sellerRecipients: SellerRecipientDirectory;
}

export interface MessagingDeps {
  uow: UnitOfWork<MessagingRepositories>;
  clock: Clock;
  /** Every chat channel notices go out on (the bot's chats, the log). */
  notifier: Notifier;
  /** The mail channel; null when SMTP_URL is not set (no mail is queued then). */
  mailer: Mailer | null;
}

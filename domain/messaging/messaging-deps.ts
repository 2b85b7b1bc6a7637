import { Clock } from '../shared/clock';
import { UnitOfWork } from '../shared/unit-of-work';
import { MailContact, NoticeMailer } from './notice-mail';
import { Notifier, SellerContact } from './notices';

/** Who a broadcast goes to; the shoppers' table answers it (messaging does not depend on the account context). */
export interface RecipientDirectory {
  /** Recipient chat ids in ascending string order after the cursor (null = from the start). */
  listIds(after: string | null, limit: number): Promise<string[]>;
  /** Where a person's notices are mailed; null when nobody has that id. */
  contactOf(id: string): Promise<MailContact | null>;
}

/** How sellers are reached; the sellers' table answers it (messaging does not depend on the sellers context). */
export interface SellerRecipientDirectory {
  /** The shop's chat and addresses as stored (`sellerRecipientOf` says which address its mail goes to). */
  find(sellerId: number): Promise<SellerContact | null>;
}

/** What messaging adds to a transaction. */
export interface MessagingRepositories {
  recipients: RecipientDirectory;
  sellerRecipients: SellerRecipientDirectory;
}

export interface MessagingDeps {
  uow: UnitOfWork<MessagingRepositories>;
  clock: Clock;
  /** Every channel notices go out on (chat, log; mail later). */
  notifier: Notifier;
  /** The mail channel, when SMTP is configured: each chat notice is then also mailed to those who gave an address. */
  mailer?: NoticeMailer;
}

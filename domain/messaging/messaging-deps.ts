import { Clock } from '../shared/clock';
import { UnitOfWork } from '../shared/unit-of-work';
import { Notifier } from './notices';

/** Who a broadcast goes to; the shoppers' table answers it (messaging does not depend on the account context). */
export interface RecipientDirectory {
  /** Recipient chat ids in ascending string order after the cursor (null = from the start). */
  listIds(after: string | null, limit: number): Promise<string[]>;
}

/** What messaging adds to a transaction. */
export interface MessagingRepositories {
  recipients: RecipientDirectory;
}

export interface MessagingDeps {
  uow: UnitOfWork<MessagingRepositories>;
  clock: Clock;
  /** Every channel notices go out on (chat, log; mail later). */
  notifier: Notifier;
}

import { defineContext } from '../shared/context';
import { done, giveUp, handle } from '../shared/outbox/outbox-handler';
import { StartBroadcast, startBroadcast } from './broadcast';
import { MessagingDeps } from './messaging-deps';
import { MAIL_RETRY, mailNotice, mailNoticeTopic, sellerMailNotice, sellerMailNoticeTopic } from './notice-mail';
import { adminNoticeTopic, sellerNoticeTopic, sellerRecipientOf, shopperNoticeTopic } from './notices';

/** Telling people things: notices to shoppers, sellers and admins (chat, and mail when configured), and broadcasts. */
export function messagingContext(deps: MessagingDeps) {
  const sellerRecipient = async (sellerId: number) => {
    const contact = await deps.uow.read((r) => r.sellerRecipients.find(sellerId));
    return contact === null ? null : sellerRecipientOf(contact);
  };
  return defineContext(
    {
      startBroadcast: (cmd: StartBroadcast) => startBroadcast(deps, cmd),
    },
    {
      handlers: [
        // A channel that throws is tried again with the outbox's backoff; a person who cannot be reached is the channel's call.
        handle(shopperNoticeTopic, async (notice, message) => {
          // The mail is queued before the chat is tried, so a chat that fails for hours never holds the mail back.
          if (deps.mailer) await deps.uow.run((tx) => tx.outbox.enqueue([mailNotice(notice, message.dedupeKey)], deps.clock.now()));
          await deps.notifier.notifyShopper(notice);
          return done;
        }),
        handle(
          mailNoticeTopic,
          async (notice) => {
            const contact = await deps.uow.read((tx) => tx.recipients.contactOf(notice.userId));
            // Queued while mail was on, handled after it was turned off: the chat has it; nothing to retry.
            if (!deps.mailer || !contact?.email) return done;
            await deps.mailer.mailNotice(contact.email, contact.language, notice);
            return done;
          },
          MAIL_RETRY,
        ),
        handle(sellerNoticeTopic, async (notice, message) => {
          const to = await sellerRecipient(notice.sellerId);
          if (to === null) return giveUp(`no seller ${notice.sellerId}`);
          if (deps.mailer && to.email) await deps.uow.run((tx) => tx.outbox.enqueue([sellerMailNotice(notice, message.dedupeKey)], deps.clock.now()));
          await deps.notifier.notifySeller(notice, to);
          return done;
        }),
        handle(
          sellerMailNoticeTopic,
          async (notice) => {
            const to = await sellerRecipient(notice.sellerId);
            if (!deps.mailer || !to?.email) return done;
            await deps.mailer.mailSellerNotice(to.email, to.language, notice);
            return done;
          },
          MAIL_RETRY,
        ),
        handle(adminNoticeTopic, async (notice) => {
          await deps.notifier.notifyAdmins(notice);
          return done;
        }),
      ],
    },
  );
}

import { defineContext } from '../shared/context';
import { OutboxMessage } from '../shared/outbox/outbox-repository';
import { RetryPolicy, done, giveUp, handle } from '../shared/outbox/outbox-handler';
import { StartBroadcast, startBroadcast } from './broadcast';
import { NoticeMail, noticeMailTopic } from './mail';
import { MessagingDeps } from './messaging-deps';
import { adminNoticeTopic, sellerNoticeTopic, shopperNoticeTopic } from './notices';

/** A mail server may be down for hours: keep trying (5 s doubling to 30 min, about two days in all). */
export const MAIL_RETRY: RetryPolicy = { maxAttempts: 100, backoffMs: (attempts) => Math.min(5_000 * 2 ** attempts, 30 * 60_000) };

/** Telling people things: notices to shoppers, sellers and admins (chat, and mail when configured), and broadcasts. */
export function messagingContext(deps: MessagingDeps) {
  /**
   * Queues the mail copy of a notice — once (its dedupe key follows the notice's), before the chat is tried, so a
   * chat that fails and is retried never sends the mail again and a mail server that is down never holds the chat.
   */
  const queueMail = async (
    message: OutboxMessage,
    mail: Omit<NoticeMail, 'to' | 'language'>,
    to: { email: string | null; language: string | null } | null,
  ): Promise<void> => {
    if (deps.mailer === null || to === null || to.email === null) return;
    const entry = noticeMailTopic.message({ ...mail, to: to.email, language: to.language }, `mail:${message.dedupeKey}`);
    await deps.uow.run((tx) => tx.outbox.enqueue([entry], deps.clock.now()));
  };

  return defineContext(
    {
      startBroadcast: (cmd: StartBroadcast) => startBroadcast(deps, cmd),
    },
    {
      handlers: [
        // A channel that throws is tried again with the outbox's backoff; a person who cannot be reached is the channel's call.
        handle(shopperNoticeTopic, async (notice, message) => {
          if (deps.mailer !== null) {
            const { userId: _chat, ...mail } = notice;
            await queueMail(message, { ...mail, audience: 'shopper' }, await deps.uow.read((r) => r.recipients.mailOf(notice.userId)));
          }
          await deps.notifier.notifyShopper(notice);
          return done;
        }),
        handle(sellerNoticeTopic, async (notice, message) => {
          const to = await deps.uow.read((r) => r.sellerRecipients.find(notice.sellerId));
          if (to === null) return giveUp(`no seller ${notice.sellerId}`);
          const { sellerId: _seller, ...mail } = notice;
          await queueMail(message, { ...mail, audience: 'seller' }, to);
          await deps.notifier.notifySeller(notice, to);
          return done;
        }),
        handle(adminNoticeTopic, async (notice) => {
          await deps.notifier.notifyAdmins(notice);
          return done;
        }),
        handle(
          noticeMailTopic,
          async (mail) => {
            // SMTP switched off since the mail was queued: nothing to send it with, and nobody to wait for.
            if (deps.mailer === null) return done;
            await deps.mailer.send(mail);
            return done;
          },
          MAIL_RETRY,
        ),
      ],
    },
  );
}

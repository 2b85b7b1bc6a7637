import { defineContext } from '../shared/context';
import { done, handle } from '../shared/outbox/outbox-handler';
import { StartBroadcast, startBroadcast } from './broadcast';
import { MessagingDeps } from './messaging-deps';
import { adminNoticeTopic, shopperNoticeTopic } from './notices';

/** Telling people things: notices to shoppers and admins (through every channel), and broadcasts. */
export function messagingContext(deps: MessagingDeps) {
  return defineContext(
    {
      startBroadcast: (cmd: StartBroadcast) => startBroadcast(deps, cmd),
    },
    {
      handlers: [
        // A channel that throws is tried again with the outbox's backoff; a person who cannot be reached is the channel's call.
        handle(shopperNoticeTopic, async (notice) => {
          await deps.notifier.notifyShopper(notice);
          return done;
        }),
        handle(adminNoticeTopic, async (notice) => {
          await deps.notifier.notifyAdmins(notice);
          return done;
        }),
      ],
    },
  );
}

import { AccountDeps } from './account-deps';

/**
 * Whether the bot can write to a shopper. A shopper known only through the API (a Mini App, a web front end) has
 * never opened a chat with the bot, and Telegram answers "chat not found" to every notice: those are skipped, not
 * sent and retried. Unknown (shoppers from before this was recorded) counts as reachable.
 */
export async function chatReachable(deps: Pick<AccountDeps, 'uow'>, userId: string): Promise<boolean> {
  return deps.uow.read((tx) => tx.users.chatReachable(userId));
}

/** Telegram refused the chat (not found, blocked, deactivated): skip it until the shopper writes to the bot again. */
export async function markChatUnreachable(deps: Pick<AccountDeps, 'uow'>, userId: string): Promise<void> {
  await deps.uow.run((tx) => tx.users.markChatUnreachable(userId));
}

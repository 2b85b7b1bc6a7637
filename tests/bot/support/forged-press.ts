// A modified Telegram client can send any callback_data for a bot message; the stand-in's driver only presses
// buttons that exist (userPressesButton checks), so forged presses are built here from the same parts it uses.
// GAP (reported): the stand-in has no "userSendsCallbackData(user, messageId, data)" for hostile-input tests.
import type { BotState } from '../../../infrastructure/telegram/local-bot-api/world';
import { userJson } from '../../../infrastructure/telegram/local-bot-api/chat-state';
import { newCallbackQueryId } from '../../../infrastructure/telegram/local-bot-api/ids';
import type { LocalUser, TgMessage, UserDriver } from '../../../infrastructure/telegram/local-bot-api';

export function pressForgedButton(driver: UserDriver, user: LocalUser, message: TgMessage, data: string): string {
  const bot = (driver as unknown as { bot: BotState }).bot;
  const chat = bot.chats.get(user.id);
  if (!chat) throw new Error(`user ${user.id} has no chat with the bot`);
  const id = newCallbackQueryId();
  bot.callbackQueries.set(id, { id, chatId: chat.id, messageId: message.message_id, user, data, createdAt: Date.now() });
  bot.pushUpdate('callback_query', { id, from: userJson(user), message, chat_instance: chat.chatInstance, data });
  return id;
}

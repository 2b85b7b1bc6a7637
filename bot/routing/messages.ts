import type { Message } from 'telegraf/types';
import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import { onCodesDocument } from '../admin/code-upload';
import { applyEdit } from '../admin/products';
import { wizardAnswer } from '../admin/product-wizard';
import { onHelp } from '../shopper/menu';
import { parseCommand, runCommand } from './commands';

/** Free text longer than this is not something the shop asked for (an admin's description or broadcast excepted). */
const MAX_CHAT_TEXT = 1_000;
/** Telegram's own limit for what a person can send. */
const MAX_ADMIN_INPUT = 4_096;

export async function onText(ctx: BotContext, svc: BotServices, text: string): Promise<void> {
  const command = parseCommand(text);
  if (command) return runCommand(ctx, svc, command);
  const { wizard, awaiting } = ctx.session;
  if (ctx.isAdmin && (wizard || awaiting) && text.length <= MAX_ADMIN_INPUT) {
    if (wizard) return wizardAnswer(ctx, svc, wizard, text);
    if (awaiting && (await applyEdit(ctx, svc, awaiting, text))) ctx.session.awaiting = undefined;
    return;
  }
  await onHelp(ctx, text.length > MAX_CHAT_TEXT ? 'tooLong' : 'unknownInput');
}

export async function onMessage(ctx: BotContext, svc: BotServices): Promise<void> {
  const message = ctx.message;
  if (!message) return;
  if ('text' in message) return onText(ctx, svc, message.text);
  if ('document' in message && ctx.isAdmin) return onCodesDocument(ctx, svc, message as Message.DocumentMessage);
  // Stickers, photos, voice, a file from a shopper: not something the shop understands.
  await onHelp(ctx, 'unknownInput');
}

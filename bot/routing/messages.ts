import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import { onHelp } from '../features/menu/menu';
import { commandRouter, parseCommand } from './commands';
import type { BotFeature } from './feature';

/** Free text longer than this is not something the shop asked for (an admin's description or broadcast excepted). */
const MAX_CHAT_TEXT = 1_000;

/** Every message: a command, an answer a feature asked for, a file a feature takes; anything else gets the help. */
export function messageRouter(features: readonly BotFeature[]): (ctx: BotContext, svc: BotServices) => Promise<void> {
  const runCommand = commandRouter(features);
  const onText = async (ctx: BotContext, svc: BotServices, text: string): Promise<void> => {
    const command = parseCommand(text);
    if (command) return runCommand(ctx, svc, command);
    for (const feature of features) if (feature.onText && (await feature.onText(ctx, svc, text))) return;
    await onHelp(ctx, text.length > MAX_CHAT_TEXT ? 'tooLong' : 'unknownInput');
  };
  return async (ctx, svc) => {
    const message = ctx.message;
    if (!message) return;
    if ('text' in message) return onText(ctx, svc, message.text);
    if ('document' in message) for (const feature of features) if (feature.onDocument && (await feature.onDocument(ctx, svc, message))) return;
    if ('photo' in message) for (const feature of features) if (feature.onPhoto && (await feature.onPhoto(ctx, svc, message))) return;
    // Stickers, voice, a photo or file no feature took (no open ticket): not something the shop understands.
    await onHelp(ctx, 'unknownInput');
  };
}

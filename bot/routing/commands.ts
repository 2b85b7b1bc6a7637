import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import { onHelp } from '../features/menu/menu';
import type { BotFeature, CommandHandler } from './feature';

export interface ParsedCommand {
  name: string;
  args: string;
}

/** "/name@bot args" → { name, args }; null for anything that is not a command. */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return match?.[1] ? { name: match[1].toLowerCase(), args: match[2] ?? '' } : null;
}

function commandTable(
  features: readonly BotFeature[],
  pick: (f: BotFeature) => Readonly<Record<string, CommandHandler>> | undefined,
): Map<string, CommandHandler> {
  const table = new Map<string, CommandHandler>();
  for (const feature of features) {
    for (const [name, handler] of Object.entries(pick(feature) ?? {})) {
      if (table.has(name)) throw new Error(`two features answer /${name}`);
      table.set(name, handler);
    }
  }
  return table;
}

/** Runs a command: an admin's version first for admins (`/orders` lists the shop's orders), else anyone's; else help. */
export function commandRouter(features: readonly BotFeature[]): (ctx: BotContext, svc: BotServices, command: ParsedCommand) => Promise<void> {
  const shopper = commandTable(features, (f) => f.commands);
  const admin = commandTable(features, (f) => f.adminCommands);
  return async (ctx, svc, command) => {
    const handler = (ctx.isAdmin ? admin.get(command.name) : undefined) ?? shopper.get(command.name);
    if (!handler) return onHelp(ctx, 'unknownInput');
    await handler(ctx, svc, command.args);
  };
}

/** The command menus Telegram shows next to the input field, per language. */
export const MENU_COMMANDS = ['start', 'catalog', 'cart', 'orders', 'balance', 'sell', 'support', 'lang', 'help'] as const;

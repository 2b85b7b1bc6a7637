import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import { onAdminOrdersCommand, onFulfilCommand, onOrderCommand } from '../admin/admin-orders';
import { showAdminMenu } from '../admin/admin-menu';
import { onBroadcastCommand } from '../admin/broadcast';
import { onCreditCommand } from '../admin/credit';
import { showJobs } from '../admin/jobs';
import { cancelInput, startWizard } from '../admin/product-wizard';
import { onPriceCommand, onStockCommand, showProducts } from '../admin/products';
import { onRefundCommand } from '../admin/refund';
import { showStats } from '../admin/stats';
import { LANGUAGES, Language } from '../../domain/account/shopper-preferences';
import { showBalance } from '../shopper/balance';
import { showCart } from '../shopper/cart';
import { showCatalog } from '../shopper/catalog';
import { setLanguage, showLanguages } from '../shopper/language';
import { onHelp, onMenu, onStart } from '../shopper/menu';
import { showMyOrders } from '../shopper/my-orders';

export interface ParsedCommand {
  name: string;
  args: string;
}

/** "/name@bot args" → { name, args }; null for anything that is not a command. */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return match ? { name: match[1]!.toLowerCase(), args: match[2] ?? '' } : null;
}

type CommandHandler = (ctx: BotContext, svc: BotServices, args: string) => Promise<void>;

const SHOPPER_COMMANDS: Readonly<Record<string, CommandHandler>> = {
  start: (ctx, svc, args) => onStart(ctx, svc, args.trim()),
  menu: (ctx) => onMenu(ctx),
  help: (ctx) => onHelp(ctx),
  catalog: (ctx, svc) => showCatalog(ctx, svc, 1),
  cart: (ctx, svc) => showCart(ctx, svc),
  orders: (ctx, svc) => showMyOrders(ctx, svc),
  myorders: (ctx, svc) => showMyOrders(ctx, svc),
  balance: (ctx, svc) => showBalance(ctx, svc),
  lang: async (ctx, svc, args) => {
    const code = args.trim().toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(code)) return setLanguage(ctx, svc, code as Language);
    return showLanguages(ctx);
  },
  cancel: (ctx) => cancelInput(ctx),
};

/** Only for ADMIN_TELEGRAM_IDS; for anyone else these names are unknown commands, like any typo. */
const ADMIN_COMMANDS: Readonly<Record<string, CommandHandler>> = {
  admin: (ctx) => showAdminMenu(ctx),
  stats: (ctx, svc) => showStats(ctx, svc),
  orders: (ctx, svc, args) => onAdminOrdersCommand(ctx, svc, args),
  order: (ctx, svc, args) => onOrderCommand(ctx, svc, args),
  refund: (ctx, svc, args) => onRefundCommand(ctx, svc, args),
  fulfil: (ctx, svc, args) => onFulfilCommand(ctx, svc, args),
  products: (ctx, svc) => showProducts(ctx, svc, 1),
  newproduct: (ctx) => startWizard(ctx),
  price: (ctx, svc, args) => onPriceCommand(ctx, svc, args),
  stock: (ctx, svc, args) => onStockCommand(ctx, svc, args),
  credit: (ctx, svc, args) => onCreditCommand(ctx, svc, args),
  broadcast: (ctx, svc, args) => onBroadcastCommand(ctx, svc, args),
  jobs: (ctx, svc) => showJobs(ctx, svc),
};

export async function runCommand(ctx: BotContext, svc: BotServices, command: ParsedCommand): Promise<void> {
  const handler =
    (ctx.isAdmin && Object.hasOwn(ADMIN_COMMANDS, command.name) ? ADMIN_COMMANDS[command.name] : undefined) ??
    (Object.hasOwn(SHOPPER_COMMANDS, command.name) ? SHOPPER_COMMANDS[command.name] : undefined);
  if (!handler) return onHelp(ctx, 'unknownInput');
  await handler(ctx, svc, command.args);
}

/** The command menus Telegram shows next to the input field, per language. */
export const MENU_COMMANDS = ['start', 'catalog', 'cart', 'orders', 'balance', 'lang', 'help'] as const;

import type { Message } from 'telegraf/types';
import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import type { ActionKind } from '../callback-data';
import type { ActionSpec } from './action-codec';

export type CommandHandler = (ctx: BotContext, svc: BotServices, args: string) => Promise<void>;

/** A button kind bound to what pressing it does; the press is decoded by the kind's own spec, so the handler is typed. */
export interface ActionBinding {
  readonly kind: ActionKind;
  /** False when the data does not read back (the router answers "out of date"). */
  handle(ctx: BotContext, svc: BotServices, parts: readonly string[]): Promise<boolean>;
}

export function on<K extends ActionKind, P extends object>(
  spec: ActionSpec<K, P>,
  handler: (ctx: BotContext, svc: BotServices, action: { k: K } & P) => Promise<void>,
): ActionBinding {
  return {
    kind: spec.kind,
    handle: async (ctx, svc, parts) => {
      const action = spec.decode(parts);
      if (action === null) return false;
      await handler(ctx, svc, action);
      return true;
    },
  };
}

/**
 * One feature of the bot (bot/features/<feature>/): the buttons it handles, its commands, and the free input it
 * asked for. create-bot.ts lists the features, one line each; the routers (routing/) take it from there, and keep
 * the admin-only check and the "out of date" answer in one place.
 */
export interface BotFeature {
  readonly name: string;
  readonly actions?: readonly ActionBinding[];
  /** Commands anyone may use. */
  readonly commands?: Readonly<Record<string, CommandHandler>>;
  /** Commands for ADMIN_TELEGRAM_IDS only; for anyone else they are unknown, like any typo. */
  readonly adminCommands?: Readonly<Record<string, CommandHandler>>;
  /** Text that is not a command (an answer the feature asked for); true when the feature took it. */
  readonly onText?: (ctx: BotContext, svc: BotServices, text: string) => Promise<boolean>;
  /** A file sent to the bot; true when the feature took it. */
  readonly onDocument?: (ctx: BotContext, svc: BotServices, message: Message.DocumentMessage) => Promise<boolean>;
  /** A photo sent to the bot; true when the feature took it. */
  readonly onPhoto?: (ctx: BotContext, svc: BotServices, message: Message.PhotoMessage) => Promise<boolean>;
}

export const defineFeature = (feature: BotFeature): BotFeature => feature;

import { on, defineFeature } from '../../routing/feature';
import { closeMyTicket, openSupport, takeShopperMessage } from './shopper-support';
import { onReplyCommand, onStaffAction, onTicketCommand, onTicketsCommand, takeSellerReply, takeStaffReply } from './staff-support';
import { supportActions } from './support-actions';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import type { Message } from 'telegraf/types';

/**
 * An admin's reply to a relayed ticket message is staff's, a seller's reply to a line of a ticket on their order is
 * the seller's; anything else a shopper with an open ticket sends is theirs.
 */
const take = async (ctx: BotContext, svc: BotServices, message: Message): Promise<boolean> =>
  (await takeStaffReply(ctx, svc, message)) || (await takeSellerReply(ctx, svc, message)) || takeShopperMessage(ctx, svc, message);

export const supportFeature = defineFeature({
  name: 'support',
  actions: [
    on(supportActions.supportForOrder, (ctx, svc, a) => openSupport(ctx, svc, a.orderNo)),
    on(supportActions.closeMyTicket, (ctx, svc, a) => closeMyTicket(ctx, svc, a.id)),
    on(supportActions.takeTicket, (ctx, svc, a) => onStaffAction(ctx, svc, 'take', a.id)),
    on(supportActions.staffCloseTicket, (ctx, svc, a) => onStaffAction(ctx, svc, 'close', a.id)),
    on(supportActions.reopenTicket, (ctx, svc, a) => onStaffAction(ctx, svc, 'reopen', a.id)),
  ],
  commands: { support: (ctx, svc) => openSupport(ctx, svc, null) },
  adminCommands: {
    reply: (ctx, svc, args) => onReplyCommand(ctx, svc, args),
    tickets: (ctx, svc) => onTicketsCommand(ctx, svc),
    ticket: (ctx, svc, args) => onTicketCommand(ctx, svc, args),
  },
  onText: (ctx, svc) => (ctx.message ? take(ctx, svc, ctx.message) : Promise.resolve(false)),
  onPhoto: (ctx, svc, message) => take(ctx, svc, message),
  onDocument: (ctx, svc, message) => take(ctx, svc, message),
});

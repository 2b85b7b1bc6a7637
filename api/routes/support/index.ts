import { SupportErrorCode } from '../../../domain/support';
import { defineRoutes } from '../../context-routes';
import { adminTicketRoutes } from './admin-tickets';
import { shopperTicketRoutes } from './shopper-tickets';

const SUPPORT_STATUS: Record<SupportErrorCode, number> = {
  TICKET_NOT_FOUND: 404,
  TICKET_ORDER_NOT_FOUND: 404,
  TICKET_CLOSED: 409,
  TICKET_NOT_CLOSED: 409,
  TICKET_ALREADY_OPEN: 409,
  NO_OPEN_TICKET: 409,
};

/** The support desk: shoppers' tickets and the staff side. */
export const supportRoutes = defineRoutes(async (app, deps) => {
  await app.register(shopperTicketRoutes, deps);
  await app.register(adminTicketRoutes, deps);
}, SUPPORT_STATUS);

import { SupportErrorCode } from '../../../domain/support';
import { defineRoutes } from '../../context-routes';
import { adminTicketRoutes } from './admin-tickets';
import { sellerTicketRoutes } from './seller-tickets';
import { shopperTicketRoutes } from './shopper-tickets';

const SUPPORT_STATUS: Record<SupportErrorCode, number> = {
  TICKET_NOT_FOUND: 404,
  TICKET_ORDER_NOT_FOUND: 404,
  TICKET_CLOSED: 409,
  TICKET_NOT_CLOSED: 409,
  TICKET_ALREADY_OPEN: 409,
  NO_OPEN_TICKET: 409,
};

/** The support desk: shoppers' tickets, the staff side, and sellers' tickets on their own orders. */
export const supportRoutes = defineRoutes(async (app, deps) => {
  await app.register(shopperTicketRoutes, deps);
  await app.register(adminTicketRoutes, deps);
  await app.register(sellerTicketRoutes, deps);
}, SUPPORT_STATUS);

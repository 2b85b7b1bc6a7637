import type { Ticket } from '../../../domain/support';
import type { Translate } from '../../i18n/translate';
import { button, inlineKeyboard } from '../../ui/keyboard';

/** Take / close an active ticket, reopen a closed one. */
export const staffKeyboard = (t: Translate, ticket: Pick<Ticket, 'id' | 'status'>) =>
  inlineKeyboard([
    ticket.status === 'closed'
      ? [button(t('btnReopen'), { k: 'reopenTicket', id: ticket.id })]
      : [button(t('btnTakeTicket'), { k: 'takeTicket', id: ticket.id }), button(t('btnStaffClose'), { k: 'staffCloseTicket', id: ticket.id })],
  ]);

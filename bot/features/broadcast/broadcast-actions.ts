import { defineAction, textField } from '../../routing/action-codec';

const broadcastId = textField(/^[A-Za-z0-9_-]{1,40}$/);
const admin = { adminOnly: true };

export const broadcastActions = {
  broadcastSend: defineAction('broadcastSend', 'bc:y', { id: broadcastId }, admin),
  broadcastCancel: defineAction('broadcastCancel', 'bc:n', { id: broadcastId }, admin),
};

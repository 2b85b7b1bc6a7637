import { defineAction } from '../../routing/action-codec';

export const accountActions = {
  balance: defineAction('balance', 'bl', {}),
};

import { defineAction, idField } from '../../routing/action-codec';

export const restockActions = {
  /** "Notify me" on a sold-out product's card. */
  notifyMe: defineAction('notifyMe', 'nm', { id: idField }),
};

import { defineAction } from '../../routing/action-codec';

const admin = { adminOnly: true };

export const adminActions = {
  adminMenu: defineAction('adminMenu', 'ad', {}, admin),
  stats: defineAction('stats', 'st', {}, admin),
};

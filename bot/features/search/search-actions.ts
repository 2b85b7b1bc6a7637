import { defineAction, pageField } from '../../routing/action-codec';

// The query itself stays in the chat's session: 64 bytes of callback data cannot carry any text a shopper types.
export const searchActions = {
  searchPage: defineAction('searchPage', 's', { page: pageField }),
};

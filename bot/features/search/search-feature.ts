import { defineFeature, on } from '../../routing/feature';
import { MAX_SEARCH_TEXT, searchInChat } from './chat-search';
import { searchActions } from './search-actions';

/** Listed last: text no other feature asked for (a wizard's answer, a broadcast) is a search. */
export const searchFeature = defineFeature({
  name: 'search',
  actions: [on(searchActions.searchPage, (ctx, svc, a) => searchInChat(ctx, svc, ctx.session.search, a.page))],
  onText: async (ctx, svc, text) => {
    const query = text.trim();
    if (query === '' || [...query].length > MAX_SEARCH_TEXT) return false;
    ctx.session.search = query;
    await searchInChat(ctx, svc, query, 1);
    return true;
  },
});

import { LANGUAGES } from '../../../domain/account';
import { on, defineFeature } from '../../routing/feature';
import { answer } from '../../ui/replies';
import { setLanguage, showLanguages } from './language';
import { onHelp, onMenu, onStart } from './menu';
import { menuActions } from './menu-actions';

export const menuFeature = defineFeature({
  name: 'menu',
  actions: [
    on(menuActions.menu, async (ctx) => {
      await answer(ctx);
      await onMenu(ctx);
    }),
    on(menuActions.languages, (ctx) => showLanguages(ctx)),
    on(menuActions.setLanguage, (ctx, svc, a) => setLanguage(ctx, svc, a.lang)),
  ],
  commands: {
    start: (ctx, svc, args) => onStart(ctx, svc, args.trim()),
    menu: (ctx) => onMenu(ctx),
    help: (ctx) => onHelp(ctx),
    lang: async (ctx, svc, args) => {
      const code = args.trim().toLowerCase();
      const language = LANGUAGES.find((l) => l === code);
      if (language) return setLanguage(ctx, svc, language);
      return showLanguages(ctx);
    },
  },
});

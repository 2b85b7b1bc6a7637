import { LANGUAGES } from '../../../domain/account';
import { defineAction, oneOfField } from '../../routing/action-codec';

export const menuActions = {
  menu: defineAction('menu', 'm', {}),
  languages: defineAction('languages', 'lg', {}),
  setLanguage: defineAction('setLanguage', 'l', { lang: oneOfField(LANGUAGES) }),
};

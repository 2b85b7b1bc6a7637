import { Language } from '../../domain/account';
import { EN, TextKey } from './texts-en';
import { RU } from './texts-ru';
import { ZH } from './texts-zh';

export type { TextKey };
export type TextParams = Readonly<Record<string, string | number>>;
export type Translate = (key: TextKey, params?: TextParams) => string;

export const DICTIONARIES: Readonly<Record<Language, Readonly<Record<TextKey, string>>>> = { en: EN, zh: ZH, ru: RU };

/** The texts of one language, with `{name}` placeholders filled; a placeholder without a value stays visible. */
export function translator(lang: Language): Translate {
  const texts = DICTIONARIES[lang];
  return (key, params) => {
    const template = texts[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  };
}

/** The language names as each language writes its own, for the /lang buttons. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { zh: '中文', en: 'English', ru: 'Русский' };

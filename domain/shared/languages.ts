/** The languages the shop speaks: its interface texts and its product texts. */
export const LANGUAGES = ['zh', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language for a code like `zh-CN`, `ru_RU` or `EN`; null when the shop does not speak it. */
export function languageOf(code: string | null | undefined): Language | null {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === base) ?? null;
}

import { DomainError, Result, fail, ok } from '../shared/result';
import { LANGUAGES, Language, languageOf } from '../shared/languages';
import { AccountDeps } from './account-deps';

export { LANGUAGES };
export type { Language };

/** The shopper's chosen language, else Telegram's language_code when we speak it, else English. */
export function resolveLanguage(chosen: string | null, telegramCode: string | null | undefined): Language {
  return languageOf(chosen) ?? languageOf(telegramCode) ?? 'en';
}

export async function chooseLanguage(
  deps: AccountDeps,
  userId: string,
  language: string | null,
): Promise<Result<Language | null, DomainError<'VALIDATION_FAILED' | 'NOT_FOUND'>>> {
  const chosen = language === null ? null : (LANGUAGES.find((l) => l === language) ?? undefined);
  if (chosen === undefined) return fail('VALIDATION_FAILED', `language: one of ${LANGUAGES.join(', ')}`);
  const saved = await deps.uow.run((tx) => tx.users.setPreferredLanguage(userId, chosen));
  return saved ? ok(chosen) : fail('NOT_FOUND', `no shopper ${userId}`);
}

export async function preferredLanguage(deps: AccountDeps, userId: string): Promise<string | null> {
  return deps.uow.read((tx) => tx.users.preferredLanguage(userId));
}

/** A page of shopper ids for a broadcast, walked by cursor. */
export async function shopperIds(deps: AccountDeps, after: string | null, limit: number): Promise<{ ids: string[]; total: number }> {
  return deps.uow.read(async (tx) => ({ ids: await tx.users.listIds(after, limit), total: await tx.users.count() }));
}

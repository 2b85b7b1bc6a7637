// The few places where MySQL and SQLite SQL differ. Everything else the repositories write is plain portable SQL.

export type Dialect = 'mysql' | 'sqlite';

/**
 * SQLite's LOWER() and LIKE fold ASCII only, so the embedded database gets a JS-backed fold (registered when the
 * connection opens, see data-source-options.ts) and both engines match Chinese, Russian or emoji text the same way.
 */
export const SQLITE_FOLD_FUNCTION = 'tb_fold';

export const foldCase = (dialect: Dialect, column: string): string => (dialect === 'sqlite' ? `${SQLITE_FOLD_FUNCTION}(${column})` : `LOWER(${column})`);

export const foldText = (text: string): string => text.toLowerCase();

/** `!` and not a backslash: MySQL reads '\\' in a literal as one character, SQLite as two. */
export const LIKE_ESCAPE = '!';

/** A case-folded "contains" pattern with the wildcards of the search text escaped. */
export const containsPattern = (text: string): string => `%${foldText(text).replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;

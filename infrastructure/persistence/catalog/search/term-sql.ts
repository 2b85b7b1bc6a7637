import { QueryToken, WHOLE_WORD_FACTOR } from '../../../../domain/catalog';

// The SQL pieces a query's tokens turn into. Plain SQL both engines run the same way: the term column compares
// byte-wise (utf8mb4_bin on MySQL, BINARY on SQLite), so a prefix is a range of the (visible, term, …) index.

/** Above every character: `term < prefix + TOP` closes the range of terms that start with the prefix. */
const TOP = '\u{10FFFF}';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** The condition on alias `t` for one token. */
export function tokenCondition(alias: string, token: QueryToken): SqlPart {
  if (token.kind === 'exact') return { sql: `${alias}.term = ?`, params: [token.term] };
  return { sql: `${alias}.term >= ? AND ${alias}.term < ?`, params: [token.term, `${token.term}${TOP}`] };
}

/** The token's score on alias `t`: its field weight, doubled when the query word is the whole indexed word. */
export function tokenScore(alias: string, token: QueryToken): SqlPart {
  if (token.kind === 'exact') return { sql: `MAX(${alias}.weight) * ${WHOLE_WORD_FACTOR}`, params: [] };
  return { sql: `MAX(${alias}.weight * CASE WHEN ${alias}.term = ? THEN ${WHOLE_WORD_FACTOR} ELSE 1 END)`, params: [token.term] };
}

export const prefixUpperBound = (prefix: string): string => `${prefix}${TOP}`;

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

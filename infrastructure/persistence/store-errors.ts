// Classifies what the drivers throw. typeorm wraps driver errors in QueryFailedError (copying code/errno onto it and
// keeping `driverError`); connection failures from the pool arrive unwrapped. Both are searched.
import { UniqueKey } from './unique-keys';

interface DriverErrorFields {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

function* errorChain(error: unknown): Generator<DriverErrorFields> {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    yield current as DriverErrorFields;
    const next = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
    if (next === current) return;
    current = next;
  }
}

const codeOf = (fields: DriverErrorFields): string => (typeof fields.code === 'string' ? fields.code : '');
const messageOf = (fields: DriverErrorFields): string => (typeof fields.message === 'string' ? fields.message : '');

const DUPLICATE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** A unique-key violation of any key. */
export function isDuplicateKeyError(error: unknown): boolean {
  for (const fields of errorChain(error)) if (DUPLICATE_CODES.has(codeOf(fields)) || fields.errno === 1062) return true;
  return false;
}

/** A violation of exactly this key (MySQL: `for key 'name'` or `'table.name'`; SQLite: the column list). */
export function isDuplicateOf(error: unknown, key: UniqueKey): boolean {
  if (!isDuplicateKeyError(error)) return false;
  const sqliteColumns = key.columns.map((column) => `${key.table}.${column}`).join(', ');
  for (const fields of errorChain(error)) {
    const message = messageOf(fields);
    if (message.includes(`'${key.name}'`) || message.includes(`.${key.name}'`)) return true;
    if (message.endsWith(sqliteColumns) || message.includes(`${sqliteColumns} `) || message.includes(`${sqliteColumns}\n`)) return true;
  }
  return false;
}

const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** Deadlock, lock-wait timeout, or SQLite busy: the whole unit of work may simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  for (const fields of errorChain(error)) {
    const code = codeOf(fields);
    if (RETRYABLE_CODES.has(code) || fields.errno === 1213 || fields.errno === 1205 || code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

const CONNECTION_MESSAGES = [
  /pool is closed/i,
  /no connections available/i,
  /queue limit reached/i,
  /can't add new command when connection is in closed state/i,
  /connection is closed/i,
];

/** The database cannot be reached (or refuses us): callers answer 503, not 500. */
export function isConnectionFailure(error: unknown): boolean {
  for (const fields of errorChain(error)) {
    const code = codeOf(fields);
    if (CONNECTION_CODES.has(code) || code.startsWith('SQLITE_IOERR')) return true;
    if (CONNECTION_MESSAGES.some((pattern) => pattern.test(messageOf(fields)))) return true;
  }
  return false;
}

/** Where a MySQL connection was going, to say which part of DATABASE_URL is wrong. */
export interface StoreTarget {
  host: string;
  port: number;
  username: string;
  database: string;
}

/**
 * Why the database cannot be used, in the words an operator acts on: a database that does not exist, a login that
 * is refused, a host that does not answer — three different fixes, which one "cannot be reached" would hide.
 */
export function describeStoreFailure(error: unknown, target: StoreTarget | null): string {
  const at = target ? `${target.host}:${target.port}` : 'the database';
  for (const fields of errorChain(error)) {
    const code = codeOf(fields);
    if (code === 'ER_BAD_DB_ERROR' || fields.errno === 1049)
      return `database "${target?.database ?? '?'}" does not exist on MySQL at ${at}: create it (CREATE DATABASE \`${target?.database ?? '…'}\` CHARACTER SET utf8mb4) or fix the name in DATABASE_URL`;
    if (code === 'ER_ACCESS_DENIED_ERROR' || fields.errno === 1045)
      return `MySQL at ${at} refused user "${target?.username ?? '?'}": wrong password in DATABASE_URL, or that user may not connect from this host`;
    if (code === 'ER_DBACCESS_DENIED_ERROR' || fields.errno === 1044)
      return `user "${target?.username ?? '?'}" may not use database "${target?.database ?? '?'}" on MySQL at ${at}: GRANT it, or use another user in DATABASE_URL`;
    if (code === 'ECONNREFUSED') return `nothing answers at ${at}: is MySQL running there, and is DATABASE_URL's host and port right?`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host "${target?.host ?? '?'}" in DATABASE_URL is not known (DNS)`;
    if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `MySQL at ${at} did not answer in time (network or firewall)`;
    if (code.startsWith('SQLITE_CANTOPEN')) return `the SQLite file cannot be opened (SQLITE_PATH / DATA_DIR must be a writable folder)`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `the database cannot be reached: ${message}`;
}

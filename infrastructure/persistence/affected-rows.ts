import { DeleteResult, UpdateResult } from 'typeorm';

/**
 * The row count of a conditional UPDATE/DELETE, which decides who won a race. Both drivers report matched rows
 * (mysql2 connects with CLIENT_FOUND_ROWS; SQLite counts every matched row), so a write of an unchanged value counts.
 */
export function affectedRows(result: UpdateResult | DeleteResult): number {
  if (typeof result.affected !== 'number') throw new Error('the database driver did not report how many rows changed');
  return result.affected;
}

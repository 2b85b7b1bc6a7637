// Preloaded into the shop (`node -r bench/statements/sql-tap.js dist/main.js`) for the statement counts only, never
// for a timed figure: every statement mysql2 sends (query or execute, BEGIN/COMMIT included) is appended to
// BENCH_SQL_TAP as "epoch-ms <TAB> connection-id <TAB> sql", exactly what MariaDB's general log would show.
const fs = require('node:fs');
const path = require('node:path');

const file = process.env.BENCH_SQL_TAP;
if (file) {
  // The shop's own mysql2, resolved from where the shop runs.
  const mysql2 = require(require.resolve('mysql2', { paths: [path.resolve(__dirname, '..', '..')] }));
  // Connection and PoolConnection both inherit query/execute from mysql2's base connection class.
  const BaseConnection = Object.getPrototypeOf(mysql2.Connection.prototype).constructor;
  const textOf = (sql) => (typeof sql === 'string' ? sql : sql && typeof sql.sql === 'string' ? sql.sql : String(sql));
  const tap = (sql, id) => fs.appendFileSync(file, `${Date.now()}\t${id ?? '?'}\t${textOf(sql).replace(/\s+/g, ' ').trim()}\n`);
  for (const method of ['query', 'execute']) {
    const original = BaseConnection.prototype[method];
    BaseConnection.prototype[method] = function tapped(sql, values, cb) {
      tap(sql, this.threadId);
      return original.call(this, sql, values, cb);
    };
  }
}

import { createPersistence } from '../../../infrastructure/persistence/create-persistence';
import { testDatabasePrefix, testMysqlUrl, uniqueName } from '../../support/services';

/** What `npm start` prints for a DATABASE_URL that cannot work: which part of it is wrong. */
async function migrateError(databaseUrl: string): Promise<string> {
  const persistence = createPersistence({
    databaseUrl,
    sqlitePath: ':memory:',
    connectTimeoutMs: 3000,
    logger: { warn: () => undefined, error: () => undefined },
  });
  try {
    await persistence.migrate();
    return 'migrated';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await persistence.close();
  }
}

describe('a start on a DATABASE_URL that cannot work says which part is wrong', () => {
  it('nothing listening: unreachable, with host and port', async () => {
    expect(await migrateError('mysql://root@127.0.0.1:1/tillbot')).toMatch(/nothing answers at 127\.0\.0\.1:1/);
  });

  const mysql = testMysqlUrl();
  (mysql ? it : it.skip)('an unknown database: does not exist, and how to create it', async () => {
    const url = new URL(mysql as string);
    const name = uniqueName(`${testDatabasePrefix()}_missing`);
    url.pathname = `/${name}`;
    const message = await migrateError(url.toString());
    expect(message).toContain(`database "${name}" does not exist`);
    expect(message).toContain('CREATE DATABASE');
  });

  (mysql ? it : it.skip)('a wrong password: the login is refused, not "cannot be reached"', async () => {
    const url = new URL(mysql as string);
    url.password = 'certainly-not-the-password';
    url.pathname = '/mysql';
    const message = await migrateError(url.toString());
    expect(message).toMatch(/refused user ".+": wrong password/);
    expect(message).not.toContain('cannot be reached');
  });
});

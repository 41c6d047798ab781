import { Logger } from '@nestjs/common';
import BetterSqlite3 from 'better-sqlite3';
import { QueryCountingLogger } from './query-counting-logger';

describe('QueryCountingLogger', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  /** The error better-sqlite3 raises for a statement, as TypeORM hands it to the logger. */
  const failureOf = (sql: string): unknown => {
    const db = new BetterSqlite3(':memory:');
    db.exec(
      "PRAGMA foreign_keys = ON; CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id), code TEXT UNIQUE); INSERT INTO c (code) VALUES ('a');",
    );
    try {
      db.exec(sql);
      throw new Error(`expected ${sql} to fail`);
    } catch (error) {
      return error;
    } finally {
      db.close();
    }
  };

  it('keeps a unique violation (a concurrent writer won; the caller answers CONFLICT) out of the error log', () => {
    const logger = new QueryCountingLogger(false);
    logger.logQueryError(failureOf("INSERT INTO c (code) VALUES ('a')") as string, "INSERT INTO c (code) VALUES ('a')");
    logger.logQueryError(Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' }) as unknown as string, 'INSERT …');
    expect(errors).not.toHaveBeenCalled();
  });

  it('logs every other failed statement as an error, with the statement', () => {
    const logger = new QueryCountingLogger(false);
    logger.logQueryError(failureOf('INSERT INTO c (p) VALUES (42)') as string, 'INSERT INTO c (p) VALUES (42)');
    logger.logQueryError(Object.assign(new Error('relation "job_outbox" does not exist'), { code: '42P01' }) as unknown as string, 'SELECT 1 FROM job_outbox');
    const logged = errors.mock.calls.map((c: unknown[]) => String(c[0]));
    expect(logged).toEqual([
      'INSERT INTO c (p) VALUES (42)',
      expect.stringMatching(/FOREIGN KEY constraint failed/),
      'SELECT 1 FROM job_outbox',
      expect.stringMatching(/does not exist/),
    ]);
  });
});

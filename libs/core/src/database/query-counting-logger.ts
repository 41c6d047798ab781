import { Logger as NestLogger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { isUniqueViolation } from '../errors/unique-violation';

/**
 * Counts the SQL statements the process sends (tests use it to prove DataLoaders batch), and
 * logs them only when LOG_SQL is on. Errors are logged server-side, never sent to clients —
 * except a unique violation: that is how two writers of the same row learn that one lost (the
 * caller answers CONFLICT, or replays an idempotent request), a routine outcome logged only with
 * LOG_SQL; should nobody handle it, the request's own error log still shows it.
 */
export class QueryCountingLogger extends AbstractLogger {
  private count = 0;
  private readonly nest = new NestLogger('SQL');

  constructor(private readonly echo: boolean) {
    super(['query', 'error']);
  }

  get queryCount(): number {
    return this.count;
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (!/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE SAVEPOINT|PRAGMA)/i.test(query.trim())) this.count++;
    super.logQuery(query, parameters, queryRunner);
  }

  override logQueryError(error: string, query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (isUniqueViolation(error)) {
      if (this.echo) this.nest.debug(`unique violation (a concurrent writer won): ${error} — ${query}`);
      return;
    }
    super.logQueryError(error, query, parameters, queryRunner);
  }

  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const raw of messages) {
      const m: LogMessage = typeof raw === 'object' ? raw : { message: raw };
      if (level === 'query' || m.type === 'query') {
        if (this.echo) this.nest.debug(String(m.message));
      } else if (level === 'error' || m.type === 'query-error') {
        this.nest.error(String(m.message));
      } else if (this.echo) {
        this.nest.log(String(m.message));
      }
    }
  }
}

import { IdempotencyKeysSqlite1796208041777 } from './1796208041777-idempotency-keys';
import { InitialSqlite1795856191121 } from './1795856191121-initial';
// Migrations for sqlite, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SQLITE_MIGRATIONS: Function[] = [InitialSqlite1795856191121, IdempotencyKeysSqlite1796208041777];

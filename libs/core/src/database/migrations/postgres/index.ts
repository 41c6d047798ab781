import { MoveIndexStateToDocumentSearchPostgres1796221276944 } from './1796221276944-move-index-state-to-document-search';
import { InitialPostgres1795856191121 } from './1795856191121-initial';
import { BrowserSessionsPostgres1796207739670 } from './1796207739670-browser-sessions';
import { IdempotencyKeysPostgres1796208041777 } from './1796208041777-idempotency-keys';
// Migrations for postgres, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes migration and entity classes as Function
export const POSTGRES_MIGRATIONS: Function[] = [InitialPostgres1795856191121, BrowserSessionsPostgres1796207739670, IdempotencyKeysPostgres1796208041777, MoveIndexStateToDocumentSearchPostgres1796221276944];

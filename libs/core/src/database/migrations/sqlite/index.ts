import { DocumentGenerationSqlite1796288309844 } from './1796288309844-document-generation';
import { AccountLastSignInSqlite1796266926417 } from './1796266926417-account-last-sign-in';
import { FollowsSqlite1796233599250 } from './1796233599250-follows';
import { InitialSqlite1795856191121 } from './1795856191121-initial';
import { BrowserSessionsSqlite1796207739670 } from './1796207739670-browser-sessions';
import { IdempotencyKeysSqlite1796208041777 } from './1796208041777-idempotency-keys';
import { MoveIndexStateToDocumentSearchSqlite1796221276944 } from './1796221276944-move-index-state-to-document-search';
import { CalendarFeedsSqlite1796221361291 } from './1796221361291-calendar-feeds';
import { AccountsAndNotificationsSqlite1796221672329 } from './1796221672329-accounts-and-notifications';
// Migrations for sqlite, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes migration and entity classes as Function
export const SQLITE_MIGRATIONS: Function[] = [InitialSqlite1795856191121, BrowserSessionsSqlite1796207739670, IdempotencyKeysSqlite1796208041777, MoveIndexStateToDocumentSearchSqlite1796221276944, CalendarFeedsSqlite1796221361291, AccountsAndNotificationsSqlite1796221672329, FollowsSqlite1796233599250, AccountLastSignInSqlite1796266926417, DocumentGenerationSqlite1796288309844];

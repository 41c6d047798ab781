import { SearchFileFilterIndexesPostgres1796400000000 } from './1796400000000-search-file-filter-indexes';
import { SearchKeptRankingsPostgres1796300000000 } from './1796300000000-search-kept-rankings';
import { DocumentGenerationPostgres1796288309844 } from './1796288309844-document-generation';
import { AccountLastSignInPostgres1796266926417 } from './1796266926417-account-last-sign-in';
import { FollowsPostgres1796233599250 } from './1796233599250-follows';
import { InitialPostgres1795856191121 } from './1795856191121-initial';
import { BrowserSessionsPostgres1796207739670 } from './1796207739670-browser-sessions';
import { IdempotencyKeysPostgres1796208041777 } from './1796208041777-idempotency-keys';
import { AddPostgresSearchIndexPostgres1796221190071 } from './1796221190071-add-postgres-search-index';
import { MoveIndexStateToDocumentSearchPostgres1796221276944 } from './1796221276944-move-index-state-to-document-search';
import { CalendarFeedsPostgres1796221361291 } from './1796221361291-calendar-feeds';
import { AccountsAndNotificationsPostgres1796221672329 } from './1796221672329-accounts-and-notifications';
// Migrations for postgres, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes migration and entity classes as Function
export const POSTGRES_MIGRATIONS: Function[] = [InitialPostgres1795856191121, BrowserSessionsPostgres1796207739670, IdempotencyKeysPostgres1796208041777, AddPostgresSearchIndexPostgres1796221190071, MoveIndexStateToDocumentSearchPostgres1796221276944, CalendarFeedsPostgres1796221361291, AccountsAndNotificationsPostgres1796221672329, FollowsPostgres1796233599250, AccountLastSignInPostgres1796266926417, DocumentGenerationPostgres1796288309844, SearchKeptRankingsPostgres1796300000000, SearchFileFilterIndexesPostgres1796400000000];

import { FileIndexStatePostgres1795854012074 } from './1795854012074-file-index-state';
import { ProjectsPostgres1795851789380 } from './1795851789380-projects';
import { DocumentsPostgres1795851564041 } from './1795851564041-documents';
import { JobsPostgres1795851290333 } from './1795851290333-jobs';
import { AccountsPostgres1795850835562 } from './1795850835562-accounts';
import { Initial1795850362856Postgres } from './1795850362856-initial';
// Migrations for postgres, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const POSTGRES_MIGRATIONS: Function[] = [Initial1795850362856Postgres, AccountsPostgres1795850835562, JobsPostgres1795851290333, DocumentsPostgres1795851564041, ProjectsPostgres1795851789380, FileIndexStatePostgres1795854012074];

import { FileIndexStateSqlite1795854012074 } from './1795854012074-file-index-state';
import { ProjectsSqlite1795851789380 } from './1795851789380-projects';
import { DocumentsSqlite1795851564041 } from './1795851564041-documents';
import { JobsSqlite1795851290333 } from './1795851290333-jobs';
import { AccountsSqlite1795850835562 } from './1795850835562-accounts';
import { Initial1795850362856Sqlite } from './1795850362856-initial';
// Migrations for sqlite, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SQLITE_MIGRATIONS: Function[] = [Initial1795850362856Sqlite, AccountsSqlite1795850835562, JobsSqlite1795851290333, DocumentsSqlite1795851564041, ProjectsSqlite1795851789380, FileIndexStateSqlite1795854012074];

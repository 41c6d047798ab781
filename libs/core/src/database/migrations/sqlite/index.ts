import { Initial1795850362856Sqlite } from './1795850362856-initial';
// Migrations for sqlite, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SQLITE_MIGRATIONS: Function[] = [Initial1795850362856Sqlite];

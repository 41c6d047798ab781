import { Initial1795850362856Postgres } from './1795850362856-initial';
// Migrations for postgres, oldest first. Generate new ones with `npm run migration:make -- <Name>`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const POSTGRES_MIGRATIONS: Function[] = [Initial1795850362856Postgres];

export * from './audit-event.entity';
export * from './sql-audit-trail';

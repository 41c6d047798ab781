export * from './audit-event.entity';
export * from './audit-event.filter';
export * from './sql-audit-trail';
export * from './audit.module';

export * from './exports.entities';
export * from './exports.module';
export * from './calendar/calendar-feed.entity';
export * from './calendar/feed-secret';
export * from './calendar/ics';
export * from './calendar/calendar.service';
export * from './csv/csv';
export * from './csv/exports.service';

import { CalendarFeed } from './calendar/calendar-feed.entity';

export const EXPORTS_ENTITIES = [CalendarFeed];

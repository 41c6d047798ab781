import { Module } from '@nestjs/common';
import { ApprovalsModule } from '@tel/approvals';
import { AuthModule } from '@tel/auth';
import { DocumentsModule } from '@tel/documents';
import { MeetingsModule } from '@tel/meetings';
import { ProjectsModule } from '@tel/projects';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarFeedResolver } from './calendar/calendar-feed.resolver';
import { CalendarService } from './calendar/calendar.service';
import { ExportsController } from './csv/exports.controller';
import { ExportsService } from './csv/exports.service';

/** Calendars (iCalendar) and CSV exports of what the other libraries hold, read through their services. */
@Module({
  imports: [AuthModule, MeetingsModule, DocumentsModule, ProjectsModule, ApprovalsModule],
  controllers: [CalendarController, ExportsController],
  providers: [CalendarService, CalendarFeedResolver, ExportsService],
  exports: [CalendarService, ExportsService],
})
export class ExportsModule {}

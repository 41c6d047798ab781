import { Module } from '@nestjs/common';
import { AgendaItemResolver, AgendaResolver } from './agendas/agendas.resolver';
import { AgendasService } from './agendas/agendas.service';
import { GroupResolver, OfficeTermResolver } from './groups/groups.resolver';
import { DelegatesService } from './meetings/delegates.service';
import { MeetingResolver } from './meetings/meetings.resolver';
import { MeetingsService } from './meetings/meetings.service';
import { EconomyResolver, OrganizationResolver, PersonResolver } from './parties/parties.resolver';
import { SessionResolver } from './sessions/sessions.resolver';
import { SessionsService } from './sessions/sessions.service';
import { LookupService } from './shared/lookup.service';
import { MeetingsLoaders } from './shared/meetings.loaders';
import { MeetingsDirectory } from './shared/meetings-directory.service';

/** Economies, organizations, people, groups, meetings, sessions and agendas. */
@Module({
  providers: [
    LookupService,
    MeetingsDirectory,
    MeetingsLoaders,
    MeetingsService,
    DelegatesService,
    SessionsService,
    AgendasService,
    EconomyResolver,
    OrganizationResolver,
    PersonResolver,
    GroupResolver,
    OfficeTermResolver,
    MeetingResolver,
    SessionResolver,
    AgendaResolver,
    AgendaItemResolver,
  ],
  exports: [LookupService, MeetingsDirectory, MeetingsLoaders, MeetingsService],
})
export class MeetingsModule {}

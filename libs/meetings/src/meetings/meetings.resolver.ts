import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, Ctx, PageArgs, Public, RequestContext, SecretariatOnly } from '@tel/core';
import { Agenda } from '../agendas/agenda.entity';
import { Group } from '../groups/group.entity';
import { Economy } from '../parties/economy.entity';
import { Person } from '../parties/person.entity';
import { Session } from '../sessions/session.entity';
import { MeetingsLoaders } from '../shared/meetings.loaders';
import { normalizeCode } from '../shared/lookup.service';
import { Meeting } from './meeting.entity';
import { CreateMeetingInput, MeetingFilter, UpdateMeetingInput } from './meeting.inputs';
import { MeetingsService } from './meetings.service';
import { DelegatesService } from './delegates.service';

@ObjectType()
export class MeetingConnection extends Connection(Meeting) {}

@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(
    private readonly meetingService: MeetingsService,
    private readonly delegateService: DelegatesService,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => MeetingConnection, { description: 'Meetings in order of their number.' })
  meetings(@Args('filter', { type: () => MeetingFilter, nullable: true }) filter: MeetingFilter | null, @Args() page: PageArgs): Promise<MeetingConnection> {
    return this.meetingService.list(filter, page);
  }

  @Public()
  @Query(() => Meeting)
  meeting(@Args('code', { description: 'e.g. TEL37' }) code: string): Promise<Meeting> {
    return this.meetingService.byCode(code);
  }

  @SecretariatOnly()
  @Mutation(() => Meeting)
  createMeeting(@Ctx() ctx: RequestContext, @Args('input') input: CreateMeetingInput): Promise<Meeting> {
    return this.meetingService.create(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Meeting)
  updateMeeting(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMeetingInput): Promise<Meeting> {
    return this.meetingService.update(ctx, input);
  }

  @ResolveField(() => Group, { description: 'The group whose meeting this is (TEL).' })
  group(@Parent() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.loaders.group(ctx, meeting.groupId);
  }

  @ResolveField(() => Economy, { nullable: true })
  hostEconomy(@Parent() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Economy | null> {
    return this.loaders.economy(ctx, meeting.hostEconomyId);
  }

  @ResolveField(() => [Session], { description: 'The timetable, in order of start.' })
  sessions(@Parent() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Session[]> {
    return this.loaders.sessionsOfMeeting(ctx, meeting.id);
  }

  @ResolveField(() => [Agenda])
  agendas(@Parent() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Agenda[]> {
    return this.loaders.agendasOfMeeting(ctx, meeting.id);
  }

  @ResolveField(() => Agenda, { nullable: true, description: 'The agenda of one group at this meeting (TEL for the plenary).' })
  async agenda(@Parent() meeting: Meeting, @Ctx() ctx: RequestContext, @Args('groupCode') groupCode: string): Promise<Agenda | null> {
    const agendas = await this.loaders.agendasOfMeeting(ctx, meeting.id);
    const groups = await Promise.all(agendas.map((a) => this.loaders.group(ctx, a.groupId)));
    const index = groups.findIndex((g) => g?.code === normalizeCode(groupCode));
    return index >= 0 ? agendas[index] : null;
  }

  @ResolveField(() => [Person], { description: 'People on delegations to this meeting (as far as the records go).' })
  delegates(@Parent() meeting: Meeting, @Ctx() ctx: RequestContext, @Args('economyCode', { type: () => String, nullable: true }) economyCode: string | null): Promise<Person[]> {
    return this.delegateService.ofMeeting(ctx, meeting.id, economyCode);
  }
}

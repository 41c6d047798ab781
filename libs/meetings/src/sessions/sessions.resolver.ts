import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, formatZoned, Public, RequestContext, SecretariatOnly } from '@tel/core';
import { AgendaItem } from '../agendas/agenda-item.entity';
import { Group } from '../groups/group.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Economy } from '../parties/economy.entity';
import { MeetingsLoaders } from '../shared/meetings.loaders';
import { Session } from './session.entity';
import { CreateSessionInput, DeleteSessionInput, UpdateSessionInput } from './session.inputs';
import { SessionsService } from './sessions.service';

@Resolver(() => Session)
export class SessionResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => Session)
  session(@Args('id', { type: () => ID }) id: string): Promise<Session> {
    return this.sessions.byId(id);
  }

  @SecretariatOnly()
  @Mutation(() => Session)
  createSession(@Ctx() ctx: RequestContext, @Args('input') input: CreateSessionInput): Promise<Session> {
    return this.sessions.create(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Session)
  updateSession(@Ctx() ctx: RequestContext, @Args('input') input: UpdateSessionInput): Promise<Session> {
    return this.sessions.update(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Session, { description: 'Removes a session; agenda items taken in it keep their place but lose the link.' })
  deleteSession(@Ctx() ctx: RequestContext, @Args('input') input: DeleteSessionInput): Promise<Session> {
    return this.sessions.delete(ctx, input);
  }

  @ResolveField(() => String, { description: "ISO 8601 with the meeting's offset, e.g. 2008-03-26T14:00:00+09:00." })
  async startsAt(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<string> {
    const meeting = await this.loaders.meeting(ctx, session.meetingId);
    return formatZoned(session.startsAt, meeting!.timeZone!);
  }

  @ResolveField(() => String, { description: "ISO 8601 with the meeting's offset." })
  async endsAt(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<string> {
    const meeting = await this.loaders.meeting(ctx, session.meetingId);
    return formatZoned(session.endsAt, meeting!.timeZone!);
  }

  @ResolveField(() => Meeting)
  meeting(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.loaders.meeting(ctx, session.meetingId);
  }

  @ResolveField(() => Group, { nullable: true })
  group(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.loaders.group(ctx, session.groupId);
  }

  @ResolveField(() => Economy, { nullable: true, description: 'The economy that runs it (workshops).' })
  leadEconomy(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<Economy | null> {
    return this.loaders.economy(ctx, session.leadEconomyId);
  }

  @ResolveField(() => [AgendaItem], { description: 'Agenda items taken in this session.' })
  agendaItems(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return this.loaders.itemsOfSession(ctx, session.id);
  }
}

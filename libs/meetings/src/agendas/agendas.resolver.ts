import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError, Ctx, Public, RequestContext, SecretariatOnly } from '@tel/core';
import { Group } from '../groups/group.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Party } from '../parties/party.interface';
import { Session } from '../sessions/session.entity';
import { MeetingsLoaders } from '../shared/meetings.loaders';
import { Agenda } from './agenda.entity';
import { AgendaItem } from './agenda-item.entity';
import { AddAgendaItemInput, AgendaItemRefInput, AgendaRefInput, CreateAgendaInput, MoveAgendaItemInput, RecordAgendaOutcomeInput, UpdateAgendaItemInput } from './agenda.inputs';
import { AgendasService } from './agendas.service';

@Resolver(() => Agenda)
export class AgendaResolver {
  constructor(
    private readonly agendas: AgendasService,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => Agenda, { description: 'The agenda of a group at a meeting (groupCode TEL for the plenary).' })
  agenda(@Args('meetingCode') meetingCode: string, @Args('groupCode') groupCode: string): Promise<Agenda> {
    return this.agendas.agendaByMeetingAndGroup(meetingCode, groupCode);
  }

  @SecretariatOnly()
  @Mutation(() => Agenda)
  createAgenda(@Ctx() ctx: RequestContext, @Args('input') input: CreateAgendaInput): Promise<Agenda> {
    return this.agendas.createAgenda(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Agenda, { description: 'Relabels every item from its position (1, 2 … a, b … i, ii …).' })
  renumberAgenda(@Ctx() ctx: RequestContext, @Args('input') input: AgendaRefInput): Promise<Agenda> {
    return this.agendas.renumber(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Agenda, { description: 'Adopts the agenda; its structure is then frozen.' })
  adoptAgenda(@Ctx() ctx: RequestContext, @Args('input') input: AgendaRefInput): Promise<Agenda> {
    return this.agendas.adopt(ctx, input);
  }

  @ResolveField(() => Meeting)
  meeting(@Parent() agenda: Agenda, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.loaders.meeting(ctx, agenda.meetingId);
  }

  @ResolveField(() => Group)
  group(@Parent() agenda: Agenda, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.loaders.group(ctx, agenda.groupId);
  }

  @ResolveField(() => [AgendaItem], { description: 'Top-level items in order; sub-items under `children`.' })
  items(@Parent() agenda: Agenda, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return this.loaders.topItemsOfAgenda(ctx, agenda.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  constructor(
    private readonly agendas: AgendasService,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => AgendaItem, { description: 'An item by id, or by meeting, group and printed number ("3(f)", "3.f").' })
  agendaItem(
    @Args('id', { type: () => ID, nullable: true }) id: string | null,
    @Args('meetingCode', { type: () => String, nullable: true }) meetingCode: string | null,
    @Args('groupCode', { type: () => String, nullable: true }) groupCode: string | null,
    @Args('number', { type: () => String, nullable: true }) number: string | null,
  ): Promise<AgendaItem> {
    if (id) return this.agendas.itemById(id);
    if (meetingCode && groupCode && number) return this.agendas.itemByNumber(meetingCode, groupCode, number);
    return Promise.reject(AppError.badInput('ARGUMENTS_CONFLICT', 'Give either id, or meetingCode, groupCode and number'));
  }

  @SecretariatOnly()
  @Mutation(() => AgendaItem)
  addAgendaItem(@Ctx() ctx: RequestContext, @Args('input') input: AddAgendaItemInput): Promise<AgendaItem> {
    return this.agendas.addItem(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => AgendaItem)
  updateAgendaItem(@Ctx() ctx: RequestContext, @Args('input') input: UpdateAgendaItemInput): Promise<AgendaItem> {
    return this.agendas.updateItem(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => AgendaItem, { description: 'Moves an item within its list, or nests it under another item (parentId), or lifts it to the top level.' })
  moveAgendaItem(@Ctx() ctx: RequestContext, @Args('input') input: MoveAgendaItemInput): Promise<AgendaItem> {
    return this.agendas.moveItem(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Agenda, { description: 'Removes an item with its sub-items; the rest of its list is relabelled.' })
  removeAgendaItem(@Ctx() ctx: RequestContext, @Args('input') input: AgendaItemRefInput): Promise<Agenda> {
    return this.agendas.removeItem(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => AgendaItem)
  recordAgendaOutcome(@Ctx() ctx: RequestContext, @Args('input') input: RecordAgendaOutcomeInput): Promise<AgendaItem> {
    return this.agendas.recordOutcome(ctx, input);
  }

  @ResolveField(() => [Party])
  presenters(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Party[]> {
    return this.loaders.presentersOfItem(ctx, item.id);
  }

  @ResolveField(() => Session, { nullable: true, description: 'The session where it was taken.' })
  session(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Session | null> {
    return this.loaders.session(ctx, item.sessionId);
  }

  @ResolveField(() => [AgendaItem])
  children(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return this.loaders.childrenOfItem(ctx, item.id);
  }

  @ResolveField(() => AgendaItem, { nullable: true })
  parent(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<AgendaItem | null> {
    return this.loaders.agendaItem(ctx, item.parentId);
  }

  @ResolveField(() => Agenda)
  agenda(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Agenda | null> {
    return this.loaders.agenda(ctx, item.agendaId);
  }
}

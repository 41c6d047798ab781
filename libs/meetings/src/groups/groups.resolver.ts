import { Args, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { AppError, Ctx, Public, RequestContext, UnitOfWork } from '@tel/core';
import { Meeting } from '../meetings/meeting.entity';
import { Economy } from '../parties/economy.entity';
import { Person } from '../parties/person.entity';
import { MeetingsLoaders } from '../shared/meetings.loaders';
import { normalizeCode } from '../shared/lookup.service';
import { Group, GroupKind } from './group.entity';
import { OfficeRole, OfficeTerm } from './office-term.entity';
import { termHoldsAt } from './office-term.rules';

@Resolver(() => Group)
export class GroupResolver {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loaders: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => [Group], { description: 'All groups, or those of one kind.' })
  groups(@Args('kind', { type: () => GroupKind, nullable: true }) kind: GroupKind | null): Promise<Group[]> {
    return this.uow.manager.find(Group, { where: kind ? { kind } : {}, order: { code: 'ASC' } });
  }

  @Public()
  @Query(() => [Group], { description: "TEL's steering groups (LSG, DSG, SPSG)." })
  steeringGroups(): Promise<Group[]> {
    return this.uow.manager.find(Group, { where: { kind: GroupKind.STEERING_GROUP }, order: { code: 'ASC' } });
  }

  @Public()
  @Query(() => Group)
  async group(@Args('code') code: string): Promise<Group> {
    const found = await this.uow.manager.findOne(Group, { where: { code: normalizeCode(code) } });
    if (!found) throw AppError.notFound('GROUP_NOT_FOUND', 'Group', code);
    return found;
  }

  @ResolveField(() => Group, { nullable: true })
  parent(@Parent() group: Group, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.loaders.group(ctx, group.parentId);
  }

  @ResolveField(() => [Group])
  children(@Parent() group: Group, @Ctx() ctx: RequestContext): Promise<Group[]> {
    return this.loaders.childrenOfGroup(ctx, group.id);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The convenor now, or at the meeting given (after its elections).' })
  async convenor(
    @Parent() group: Group,
    @Ctx() ctx: RequestContext,
    @Args('atMeeting', { type: () => String, nullable: true, description: 'A meeting code, e.g. TEL36.' }) atMeeting: string | null,
  ): Promise<Person | null> {
    const [term] = await this.holders(ctx, group, OfficeRole.CONVENOR, atMeeting);
    return term ? this.loaders.person(ctx, term.personId) : null;
  }

  @ResolveField(() => Person, { nullable: true, description: 'The chair now, or at the meeting given.' })
  async chair(@Parent() group: Group, @Ctx() ctx: RequestContext, @Args('atMeeting', { type: () => String, nullable: true }) atMeeting: string | null): Promise<Person | null> {
    const [term] = await this.holders(ctx, group, OfficeRole.CHAIR, atMeeting);
    return term ? this.loaders.person(ctx, term.personId) : null;
  }

  @ResolveField(() => [OfficeTerm], { description: 'Office holders now (or at a meeting); all terms ever with `history: true`.' })
  async officeHolders(
    @Parent() group: Group,
    @Ctx() ctx: RequestContext,
    @Args('atMeeting', { type: () => String, nullable: true }) atMeeting: string | null,
    @Args('history', { defaultValue: false }) history: boolean,
  ): Promise<OfficeTerm[]> {
    if (history) return this.loaders.officeTermsOfGroup(ctx, group.id);
    return this.holders(ctx, group, null, atMeeting);
  }

  private async holders(ctx: RequestContext, group: Group, role: OfficeRole | null, atMeetingCode: string | null): Promise<OfficeTerm[]> {
    const terms = (await this.loaders.officeTermsOfGroup(ctx, group.id)).filter((t) => role === null || t.role === role);
    let at: Meeting | null = null;
    if (atMeetingCode) {
      at = await this.loaders.meetingByCode(ctx, normalizeCode(atMeetingCode));
      if (!at) throw AppError.notFound('MEETING_NOT_FOUND', 'Meeting', atMeetingCode);
    }
    const meetingIds = [...new Set(terms.flatMap((t) => [t.fromMeetingId, t.toMeetingId]).filter((id): id is string => !!id))];
    const meetings = await Promise.all(meetingIds.map((id) => this.loaders.meeting(ctx, id)));
    const numberOf = new Map(meetings.filter((m): m is Meeting => m !== null).map((m) => [m.id, m.number]));
    return terms.filter((t) =>
      termHoldsAt(
        {
          from: t.fromMeetingId ? (numberOf.get(t.fromMeetingId) ?? null) : null,
          to: t.toMeetingId ? (numberOf.get(t.toMeetingId) ?? null) : null,
          openStart: !t.fromMeetingId,
          openEnd: !t.toMeetingId,
        },
        at?.number ?? null,
      ),
    );
  }
}

@Resolver(() => OfficeTerm)
export class OfficeTermResolver {
  constructor(private readonly loaders: MeetingsLoaders) {}

  @ResolveField(() => Group)
  group(@Parent() term: OfficeTerm, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.loaders.group(ctx, term.groupId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Null when the sources name only the economy.' })
  person(@Parent() term: OfficeTerm, @Ctx() ctx: RequestContext): Promise<Person | null> {
    return this.loaders.person(ctx, term.personId);
  }

  @ResolveField(() => Economy)
  economy(@Parent() term: OfficeTerm, @Ctx() ctx: RequestContext): Promise<Economy | null> {
    return this.loaders.economy(ctx, term.economyId);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'Elected at; null when the term began before the meetings on record.' })
  fromMeeting(@Parent() term: OfficeTerm, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.loaders.meeting(ctx, term.fromMeetingId);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'Left office at; null while in office.' })
  toMeeting(@Parent() term: OfficeTerm, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.loaders.meeting(ctx, term.toMeetingId);
  }

  @ResolveField(() => Boolean, { description: 'Still in office.' })
  current(@Parent() term: OfficeTerm): boolean {
    return term.toMeetingId === null;
  }
}

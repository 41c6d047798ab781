import { Injectable } from '@nestjs/common';
import { groupByKeys, loaderFor, RequestContext, UnitOfWork } from '@tel/core';
import { In } from 'typeorm';
import { Person } from '../parties/person.entity';
import { MeetingsLoaders } from '../shared/meetings.loaders';
import { normalizeCode } from '../shared/lookup.service';
import { MeetingDelegate } from './delegate.entity';

@Injectable()
export class DelegatesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loaders: MeetingsLoaders,
  ) {}

  async ofMeeting(ctx: RequestContext, meetingId: string, economyCode: string | null): Promise<Person[]> {
    const rows = await loaderFor<string, MeetingDelegate[]>(ctx, 'delegatesOfMeeting', async (ids) => {
      const found = await this.uow.manager.find(MeetingDelegate, { where: { meetingId: In([...ids]) } });
      return groupByKeys(ids, found, (r) => r.meetingId);
    }).load(meetingId);
    let selected = rows;
    if (economyCode) {
      const economies = await Promise.all(rows.map((r) => this.loaders.economy(ctx, r.economyId)));
      selected = rows.filter((_, i) => economies[i]?.code === normalizeCode(economyCode));
    }
    const people = await Promise.all(selected.map((r) => this.loaders.person(ctx, r.personId)));
    return people.filter((p): p is Person => p !== null).sort((a, b) => a.name.localeCompare(b.name));
  }
}

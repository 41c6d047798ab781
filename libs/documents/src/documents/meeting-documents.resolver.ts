import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, PageArgs, pageWindow, RequestContext } from '@tel/core';
import { AgendaItem, Meeting, Session } from '@tel/meetings';
import { Document } from './document.entity';
import { DocumentConnection } from './documents.resolver';
import { DocumentsLoaders } from './documents.loaders';

/** Documents hung on the meetings graph (batched; only what the caller may read). */
@Resolver(() => Meeting)
export class MeetingDocumentsResolver {
  constructor(private readonly loaders: DocumentsLoaders) {}

  @ResolveField(() => DocumentConnection, { description: 'Its documents in symbol order.' })
  documents(@Parent() meeting: Meeting, @Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<DocumentConnection> {
    return this.loaders.ofMeeting(ctx, meeting.id, pageWindow(page));
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemDocumentsResolver {
  constructor(private readonly loaders: DocumentsLoaders) {}

  @ResolveField(() => [Document], { description: 'Documents tabled under this item.' })
  documents(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Document[]> {
    return this.loaders.ofAgendaItem(ctx, item.id);
  }
}

@Resolver(() => Session)
export class SessionDocumentsResolver {
  constructor(private readonly loaders: DocumentsLoaders) {}

  @ResolveField(() => [Document], { description: 'Documents tabled at this session.' })
  documents(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<Document[]> {
    return this.loaders.ofSession(ctx, session.id);
  }
}

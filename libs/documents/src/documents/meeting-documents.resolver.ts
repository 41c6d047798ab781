import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, PageArgs, pageWindow, RequestContext } from '@tel/core';
import { AgendaItem, Meeting, Session } from '@tel/meetings';
import { DocumentVisibility } from '../access/document-visibility';
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
  constructor(
    private readonly loaders: DocumentsLoaders,
    private readonly visibility: DocumentVisibility,
  ) {}

  /** The meetings library stores the text; the documents library says which papers it may name. */
  @ResolveField(() => String, { nullable: true, description: 'What was decided or reported; a paper the caller may not see reads [restricted document].' })
  outcome(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<string | null> {
    return this.visibility.redact(ctx, item.outcome);
  }

  @ResolveField(() => [Document], { description: 'Documents tabled under this item.' })
  documents(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Document[]> {
    return this.loaders.ofAgendaItem(ctx, item.id);
  }
}

@Resolver(() => Session)
export class SessionDocumentsResolver {
  constructor(
    private readonly loaders: DocumentsLoaders,
    private readonly visibility: DocumentVisibility,
  ) {}

  @ResolveField(() => String, { nullable: true, description: 'A paper the caller may not see reads [restricted document].' })
  note(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<string | null> {
    return this.visibility.redact(ctx, session.note);
  }

  @ResolveField(() => [Document], { description: 'Documents tabled at this session.' })
  documents(@Parent() session: Session, @Ctx() ctx: RequestContext): Promise<Document[]> {
    return this.loaders.ofSession(ctx, session.id);
  }
}

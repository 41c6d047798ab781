import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Connection, Ctx, PageArgs, Public, RequestContext, Role, SecretariatOnly } from '@tel/core';
import { AgendaItem, Economy, Group, Meeting, MeetingsLoaders, Organization, Party, Session } from '@tel/meetings';
import { DocumentRevision } from '../revisions/document-revision.entity';
import { formatDocumentSymbol, parseDocumentSymbol } from '../symbol/document-symbol';
import { canReadDocument } from './document-access.rules';
import { Document } from './document.entity';
import { AddRevisionInput, DocumentFilter, LinkDocumentInput, RegisterDocumentInput, UpdateDocumentInput, WithdrawDocumentInput } from './document.inputs';
import { DocumentsLoaders } from './documents.loaders';
import { DocumentsService } from './documents.service';

@ObjectType()
export class DocumentConnection extends Connection(Document) {}

@Resolver(() => Document)
export class DocumentResolver {
  constructor(
    private readonly service: DocumentsService,
    private readonly loaders: DocumentsLoaders,
    private readonly meetings: MeetingsLoaders,
  ) {}

  @Public()
  @Query(() => Document, {
    description:
      'A document by symbol, in any accepted spelling (2008-TELWG37-SPSG-006, 2008/TEL37/SPSG/006rev2, … [Rev.2].doc). ' +
      '`revision` is the one the symbol names, else the latest. Restricted documents need a signed-in caller.',
  })
  document(@Ctx() ctx: RequestContext, @Args('symbol') symbol: string): Promise<Document> {
    return this.service.bySymbol(ctx, symbol);
  }

  @Public()
  @Query(() => DocumentConnection, { description: 'Documents in symbol order, by meeting; restricted ones only for signed-in callers.' })
  documents(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => DocumentFilter, nullable: true }) filter: DocumentFilter | null,
    @Args() page: PageArgs,
  ): Promise<DocumentConnection> {
    return this.service.list(ctx, filter, page);
  }

  @SecretariatOnly()
  @Mutation(() => Document, { description: 'Registers a document under the next free number of its meeting and code, or under an explicit symbol.' })
  registerDocument(@Ctx() ctx: RequestContext, @Args('input') input: RegisterDocumentInput): Promise<Document> {
    return this.service.register(ctx, input);
  }

  @Allow(Role.SECRETARIAT, Role.DELEGATE, Role.OVERSEER)
  @Mutation(() => DocumentRevision, {
    description: 'Adds a revision (then upload its files to /api/documents/{symbol}/revisions/{n}/files). The secretariat, or delegates of the submitting economy.',
  })
  addRevision(@Ctx() ctx: RequestContext, @Args('input') input: AddRevisionInput): Promise<DocumentRevision> {
    return this.service.addRevision(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Document, { description: 'Withdraws a document (or marks it superseded by another); it keeps its files but takes no new ones.' })
  withdrawDocument(@Ctx() ctx: RequestContext, @Args('input') input: WithdrawDocumentInput): Promise<Document> {
    return this.service.withdraw(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Document, { description: 'Links a document to a session and/or an agenda item of its meeting.' })
  linkDocument(@Ctx() ctx: RequestContext, @Args('input') input: LinkDocumentInput): Promise<Document> {
    return this.service.link(ctx, input);
  }

  @SecretariatOnly()
  @Mutation(() => Document, { description: 'Changes the title, type, purpose, access, language, group or submitter of a document.' })
  updateDocument(@Ctx() ctx: RequestContext, @Args('input') input: UpdateDocumentInput): Promise<Document> {
    return this.service.update(ctx, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'The group or session code of the symbol (SPSG, PTAB-WS); null when it has none.' })
  code(@Parent() doc: Document): string | null {
    return doc.code || null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The annex designator (E for …-026anxE).' })
  annex(@Parent() doc: Document): string | null {
    return doc.annex || null;
  }

  @ResolveField(() => String, { description: 'The symbol as the APEC meeting-document database writes it: 2008/TEL37/SPSG/006.' })
  apecSymbol(@Parent() doc: Document): string {
    return formatDocumentSymbol(parseDocumentSymbol(doc.symbol), { style: 'apec-db' });
  }

  @ResolveField(() => String, { description: 'When it was registered (ISO 8601).' })
  registeredAt(@Parent() doc: Document): string {
    return new Date(doc.createdAt).toISOString();
  }

  @ResolveField(() => Meeting)
  meeting(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return this.meetings.meeting(ctx, doc.meetingId);
  }

  @ResolveField(() => Group, { nullable: true })
  group(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<Group | null> {
    return this.meetings.group(ctx, doc.groupId);
  }

  @ResolveField(() => Session, { nullable: true, description: 'The session it was tabled at.' })
  session(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<Session | null> {
    return this.meetings.session(ctx, doc.sessionId);
  }

  @ResolveField(() => AgendaItem, { nullable: true, description: 'The agenda item it was tabled under.' })
  agendaItem(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<AgendaItem | null> {
    return this.meetings.agendaItem(ctx, doc.agendaItemId);
  }

  @ResolveField(() => Party, { nullable: true, description: 'The economy or organization that submitted it.' })
  submittedBy(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<Economy | Organization | null> {
    return doc.submittedByEconomyId ? this.meetings.economy(ctx, doc.submittedByEconomyId) : this.meetings.organization(ctx, doc.submittedByOrganizationId);
  }

  @ResolveField(() => DocumentRevision, { nullable: true, description: 'The revision the symbol asked for, else the latest.' })
  async revision(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentRevision | null> {
    const revisions = await this.loaders.revisionsOf(ctx, doc.id);
    return doc.requestedRevision === undefined ? (revisions[0] ?? null) : (revisions.find((r) => r.number === doc.requestedRevision) ?? null);
  }

  @ResolveField(() => DocumentRevision, { nullable: true })
  async latestRevision(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentRevision | null> {
    return (await this.loaders.revisionsOf(ctx, doc.id))[0] ?? null;
  }

  @ResolveField(() => [DocumentRevision], { description: 'Every revision, newest first.' })
  revisions(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentRevision[]> {
    return this.loaders.revisionsOf(ctx, doc.id);
  }

  @ResolveField(() => Document, { nullable: true, description: 'The document that replaces this one (when SUPERSEDED and readable).' })
  async supersededBy(@Parent() doc: Document, @Ctx() ctx: RequestContext): Promise<Document | null> {
    const other = await this.loaders.document(ctx, doc.supersededById);
    return other && canReadDocument(ctx.actor, other) ? other : null;
  }
}

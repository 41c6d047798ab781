import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError, AuditTrail, isUniqueViolation, isUuid, Notifier, Page, PageArgs, pageWindow, PreparedFind, RequestContext, toPage, UnitOfWork } from '@tel/core';
import { AgendaItem, LookupService, Meeting, MeetingsDirectory, normalizeCode, PartyRefInput, Session } from '@tel/meetings';
import { DocumentRevision } from '../revisions/document-revision.entity';
import { DocumentSymbol, meetingCodeOf, symbolKey } from '../symbol/document-symbol';
import { canReadDocument, isSecretariat, mayContribute, readableAccess } from './document-access.rules';
import { DocumentAccess, DocumentStatus } from './document.enums';
import { Document } from './document.entity';
import { AddRevisionInput, DocumentFilter, LinkDocumentInput, RegisterDocumentInput, UpdateDocumentInput, WithdrawDocumentInput } from './document.inputs';
import { reserveDocumentNumber, takeNextDocumentNumber } from './document-numbers';
import { normalizeLanguageTag, parseSymbolInput, symbolFor, yearFits } from './document.rules';
import { DocumentIndexEvents } from './document-index-events';

type Submitter = Pick<Document, 'submittedByEconomyId' | 'submittedByOrganizationId'>;

/** A document by its canonical symbol: every document page and link starts with it (`PreparedFind`). */
const DOCUMENT_BY_SYMBOL = new PreparedFind(Document, 'symbol');

/** Registering, revising, withdrawing, linking and finding documents. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly meetings: MeetingsDirectory,
    private readonly audit: AuditTrail,
    @Optional() private readonly indexEvents?: DocumentIndexEvents,
    // Absent in the seed and the CLI: followers are told only of what the API registers.
    @Optional() private readonly notifier?: Notifier,
  ) {}

  /**
   * The document a symbol names, if the caller may read it. A symbol with a revision resolves to
   * that revision (`requestedRevision`). Unreadable and missing documents give the same NOT_FOUND.
   */
  async bySymbol(ctx: RequestContext, text: string): Promise<Document> {
    const parsed = parseSymbolInput(text);
    const key = symbolKey(parsed);
    const doc = await DOCUMENT_BY_SYMBOL.one(this.uow.manager, key);
    if (!doc || !canReadDocument(ctx.actor, doc)) throw AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', key);
    if (parsed.revision !== null) {
      if (!(await this.uow.manager.exists(DocumentRevision, { where: { documentId: doc.id, number: parsed.revision } }))) {
        throw AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', `${key} [Rev.${parsed.revision}]`);
      }
      doc.requestedRevision = parsed.revision;
    }
    return doc;
  }

  /**
   * The registered document with this canonical symbol, or null when none is registered — for other
   * libraries that link or register papers. One the caller may not read is NOT_FOUND, as everywhere.
   */
  async findBySymbol(ctx: RequestContext, key: string): Promise<Document | null> {
    const doc = await DOCUMENT_BY_SYMBOL.one(this.uow.manager, key);
    if (doc && !canReadDocument(ctx.actor, doc)) throw AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', key);
    return doc;
  }

  async list(ctx: RequestContext, filter: DocumentFilter | null, page: PageArgs): Promise<Page<Document>> {
    const window = pageWindow(page);
    const em = this.uow.manager;
    const qb = em.createQueryBuilder(Document, 'd').where('d.access IN (:...readable)', { readable: readableAccess(ctx.actor) });
    // Meetings and groups are asked of their library; a code that names none matches no document.
    if (filter?.meetingCode) qb.andWhere('d.meetingId = :meetingId', { meetingId: (await this.meetings.meetingByCode(em, filter.meetingCode))?.id ?? null });
    if (filter?.groupCode) qb.andWhere('d.groupId = :groupId', { groupId: (await this.meetings.groupByCode(em, normalizeCode(filter.groupCode)))?.id ?? null });
    if (filter?.type) qb.andWhere('d.type = :type', { type: filter.type });
    if (filter?.access) qb.andWhere('d.access = :access', { access: filter.access });
    if (filter?.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter?.agendaItem) {
      if (!isUuid(filter.agendaItem)) throw AppError.badInput('INPUT_INVALID', 'agendaItem must be the id of an agenda item', { field: 'agendaItem' });
      qb.andWhere('d.agendaItemId = :item', { item: filter.agendaItem });
    }
    if (filter?.submittedBy) {
      const submitter = await this.submitter(em, filter.submittedBy);
      if (submitter.submittedByEconomyId) qb.andWhere('d.submittedByEconomyId = :eco', { eco: submitter.submittedByEconomyId });
      else qb.andWhere('d.submittedByOrganizationId = :org', { org: submitter.submittedByOrganizationId });
    }
    // The meetings' order (number, then code) as a rank per meeting id: one statement to meetings, none joined.
    const meetingIds = await this.meetings.meetingIdsInOrder(em);
    const rank = meetingIds.length ? `CASE d.meetingId ${meetingIds.map((_, i) => `WHEN :m${i} THEN ${i}`).join(' ')} ELSE ${meetingIds.length} END` : '0';
    qb.setParameters(Object.fromEntries(meetingIds.map((id, i) => [`m${i}`, id])));
    const [nodes, total] = await qb
      .orderBy(rank, 'ASC')
      .addOrderBy('d.code', 'ASC')
      .addOrderBy('d.number', 'ASC')
      .addOrderBy('d.annex', 'ASC')
      // limit/offset, not skip/take: the joins are one-to-one, so rows are never multiplied
      .offset(window.offset)
      .limit(window.limit)
      .getManyAndCount();
    return toPage(nodes, total, window);
  }

  register(ctx: RequestContext, input: RegisterDocumentInput): Promise<Document> {
    return this.uow.write(async (em) => {
      const parsed = input.symbol ? parseSymbolInput(input.symbol) : null;
      if (!parsed && !input.meetingCode) throw AppError.badInput('FIELD_REQUIRED', 'Give meetingCode (with groupCode or code), or the full symbol', { field: 'meetingCode' });
      const meeting = await this.lookup.meetingByCode(em, input.meetingCode ?? meetingCodeOf(parsed!));
      if (parsed && meetingCodeOf(parsed) !== meeting.code) {
        throw AppError.badInput('SYMBOL_MISMATCH', `The symbol belongs to meeting ${meetingCodeOf(parsed)}, not ${meeting.code}`, { field: 'symbol' });
      }
      const group = input.groupCode ? await this.lookup.groupByCode(em, input.groupCode) : null;
      let code = parsed ? (parsed.code ?? '') : normalizeCode(input.code ?? group?.code ?? '');
      if (parsed && input.code && normalizeCode(input.code) !== code)
        throw AppError.badInput('SYMBOL_MISMATCH', `The symbol's code is ${code || 'empty'}, not ${normalizeCode(input.code)}`, { field: 'code' });
      if (!parsed && !code) throw AppError.badInput('FIELD_REQUIRED', 'Give groupCode or code: numbers run per meeting and group or session code', { field: 'code' });
      code = code.replace(/\s*[-/]\s*/g, '-');
      // A code that is a group's own (SPSG) says which group; a session code (PTAB-WS) needs groupCode to say it.
      const groupId = group?.id ?? (code ? ((await this.meetings.groupByCode(em, code))?.id ?? null) : null);

      const year = parsed?.year ?? input.year ?? (meeting.startDate ? Number(meeting.startDate.slice(0, 4)) : null);
      if (year === null) throw AppError.badInput('SYMBOL_YEAR_REQUIRED', `${meeting.code} has no dates yet: give the year of the symbol`, { field: 'year' });
      if (parsed && input.year && input.year !== parsed.year)
        throw AppError.badInput('SYMBOL_MISMATCH', `The symbol's year is ${parsed.year}, not ${input.year}`, { field: 'year' });
      if (!yearFits(year, meeting))
        throw AppError.badInput('DATE_OUT_OF_RANGE', `${year} does not fit ${meeting.code} (${meeting.startDate} to ${meeting.endDate})`, { field: 'year' });

      const annex = parsed?.annex ?? '';
      let number: number;
      let symbol: DocumentSymbol;
      if (parsed) {
        number = parsed.number;
        symbol = symbolFor(meeting.code, { year, code: code || null, number, annex: annex || undefined });
        await reserveDocumentNumber(em, meeting.id, code, number);
      } else {
        symbol = symbolFor(meeting.code, { year, code, number: 1 }); // checks the parts before a number is taken
        number = await takeNextDocumentNumber(em, meeting.id, code);
        symbol = { ...symbol, number };
      }
      const key = symbolKey(symbol);
      const firstRevision = input.revision ?? parsed?.revision ?? 0;
      if (parsed?.revision != null && input.revision != null && parsed.revision !== input.revision) {
        throw AppError.badInput('SYMBOL_MISMATCH', `The symbol names Rev.${parsed.revision}, not Rev.${input.revision}`, { field: 'revision' });
      }

      const doc = em.create(Document, {
        symbol: key,
        meetingId: meeting.id,
        year,
        code,
        number,
        annex,
        groupId,
        title: this.title(input.title),
        type: input.type,
        purpose: input.purpose,
        access: input.access,
        status: DocumentStatus.REGISTERED,
        statusNote: null,
        language: this.language(input.language ?? 'en'),
        ...(input.submittedBy ? await this.submitter(em, input.submittedBy) : { submittedByEconomyId: null, submittedByOrganizationId: null }),
        sessionId: input.sessionId ? (await this.sessionOf(em, input.sessionId, meeting)).id : null,
        agendaItemId: input.agendaItemId ? (await this.agendaItemOf(em, input.agendaItemId, meeting)).id : null,
        supersededById: null,
      });
      try {
        await em.insert(Document, doc);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('DOCUMENT_EXISTS', `${key} is already registered`, { symbol: key });
        throw error;
      }
      const revision = em.create(DocumentRevision, { documentId: doc.id, number: firstRevision, note: input.note?.trim() || null });
      await em.insert(DocumentRevision, revision);
      await this.audit.record(em, ctx, { action: 'document.register', entityType: 'Document', entityId: doc.id, summary: `registered ${key}: ${doc.title}` });
      await this.tellFollowers(em, doc, revision, meeting.code);
      return doc;
    });
  }

  addRevision(ctx: RequestContext, input: AddRevisionInput): Promise<DocumentRevision> {
    return this.uow.write(async (em) => {
      const parsed = parseSymbolInput(input.symbol);
      if (parsed.revision !== null && input.number != null && parsed.revision !== input.number) {
        throw AppError.badInput('SYMBOL_MISMATCH', `The symbol names Rev.${parsed.revision}, not Rev.${input.number}`, { field: 'number' });
      }
      const doc = await this.lockedForChange(ctx, em, symbolKey(parsed));
      const latest = await this.latestRevisionNumber(em, doc.id);
      const number = input.number ?? parsed.revision ?? latest + 1;
      if (number > 999) throw AppError.badInput('REVISION_MALFORMED', 'A document has at most 999 revisions', { field: 'number' });
      if (number <= latest) {
        throw AppError.conflict(
          number === latest ? 'REVISION_EXISTS' : 'REVISION_NOT_NEXT',
          number === latest ? `${doc.symbol} already has Rev.${number}` : `Revisions only go forward: ${doc.symbol} is at Rev.${latest}`,
          { latest },
        );
      }
      const revision = em.create(DocumentRevision, { documentId: doc.id, number, note: input.note?.trim() || null });
      try {
        await em.insert(DocumentRevision, revision);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('REVISION_EXISTS', `${doc.symbol} already has Rev.${number}`);
        throw error;
      }
      await this.audit.record(em, ctx, { action: 'document.revise', entityType: 'Document', entityId: doc.id, summary: `added Rev.${number} to ${doc.symbol}` });
      await this.tellFollowers(em, doc, revision, (await this.meetings.meetingByIdOrFail(em, doc.meetingId)).code);
      return revision;
    });
  }

  /** A new document or revision, for the daily digest of those who follow its meeting or group (through core's Notifier port). */
  private async tellFollowers(em: EntityManager, doc: Document, revision: DocumentRevision, meetingCode: string): Promise<void> {
    if (!this.notifier) return;
    const group = doc.groupId ? await this.meetings.groupById(em, doc.groupId) : null;
    const rev = revision.number > 0 ? revision.number : null;
    await this.notifier.followedDocument(em, {
      meetingId: doc.meetingId,
      groupId: doc.groupId,
      heading: group ? `${group.code} at ${meetingCode}` : meetingCode,
      citation: rev === null ? doc.symbol : `${doc.symbol} [Rev.${rev}]`,
      title: doc.title,
      path: `/documents/${encodeURIComponent(doc.symbol)}${rev === null ? '' : `-Rev.${rev}`}`,
      restricted: doc.access === DocumentAccess.RESTRICTED,
      itemKey: `revision:${revision.id}`,
    });
  }

  withdraw(ctx: RequestContext, input: WithdrawDocumentInput): Promise<Document> {
    return this.uow.write(async (em) => {
      const doc = await this.lockedForChange(ctx, em, symbolKey(parseSymbolInput(input.symbol)));
      let supersededBy: Document | null = null;
      if (input.supersededBy) {
        const key = symbolKey(parseSymbolInput(input.supersededBy, 'supersededBy'));
        supersededBy = await em.findOne(Document, { where: { symbol: key } });
        if (!supersededBy) throw AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', key);
        if (supersededBy.id === doc.id) throw AppError.badInput('SUPERSEDE_SELF', 'A document cannot supersede itself', { field: 'supersededBy' });
      }
      doc.status = supersededBy ? DocumentStatus.SUPERSEDED : DocumentStatus.WITHDRAWN;
      doc.statusNote = input.reason?.trim() || null;
      doc.supersededById = supersededBy?.id ?? null;
      await em.update(Document, doc.id, { status: doc.status, statusNote: doc.statusNote, supersededById: doc.supersededById });
      await this.audit.record(em, ctx, {
        action: 'document.withdraw',
        entityType: 'Document',
        entityId: doc.id,
        summary: supersededBy ? `${doc.symbol} superseded by ${supersededBy.symbol}` : `withdrew ${doc.symbol}`,
      });
      return doc;
    });
  }

  link(ctx: RequestContext, input: LinkDocumentInput): Promise<Document> {
    return this.uow.write(async (em) => {
      const doc = await this.load(ctx, em, symbolKey(parseSymbolInput(input.symbol)));
      const meeting = await this.meetings.meetingByIdOrFail(em, doc.meetingId);
      const changes: Partial<Document> = {};
      if (input.sessionId !== undefined) changes.sessionId = input.sessionId ? (await this.sessionOf(em, input.sessionId, meeting)).id : null;
      if (input.agendaItemId !== undefined) changes.agendaItemId = input.agendaItemId ? (await this.agendaItemOf(em, input.agendaItemId, meeting)).id : null;
      if (!Object.keys(changes).length) throw AppError.badInput('NOTHING_TO_CHANGE', 'Give sessionId and/or agendaItemId (null removes a link)');
      Object.assign(doc, changes);
      await em.update(Document, doc.id, changes);
      await this.audit.record(em, ctx, { action: 'document.link', entityType: 'Document', entityId: doc.id, summary: `linked ${doc.symbol} (${Object.keys(changes).join(', ')})` });
      return doc;
    });
  }

  update(ctx: RequestContext, input: UpdateDocumentInput): Promise<Document> {
    return this.uow.write(async (em) => {
      const doc = await this.load(ctx, em, symbolKey(parseSymbolInput(input.symbol)));
      for (const key of ['title', 'type', 'purpose', 'access', 'language'] as const) {
        if (input[key] === null) throw AppError.badInput('FIELD_REQUIRED', `${key} cannot be cleared`, { field: key });
      }
      const changes: Partial<Document> = {};
      if (input.title) changes.title = this.title(input.title);
      if (input.type) changes.type = input.type;
      if (input.purpose) changes.purpose = input.purpose;
      if (input.access) changes.access = input.access;
      if (input.language) changes.language = this.language(input.language);
      if (input.groupCode !== undefined) changes.groupId = input.groupCode ? (await this.lookup.groupByCode(em, input.groupCode)).id : null;
      if (input.submittedBy !== undefined) {
        Object.assign(changes, input.submittedBy ? await this.submitter(em, input.submittedBy) : { submittedByEconomyId: null, submittedByOrganizationId: null });
      }
      const changed = (Object.keys(changes) as (keyof Document)[]).filter((k) => doc[k] !== changes[k]);
      if (!changed.length) return doc;
      Object.assign(doc, changes);
      await em.update(Document, doc.id, changes);
      await this.audit.record(em, ctx, { action: 'document.update', entityType: 'Document', entityId: doc.id, summary: `updated ${changed.join(', ')} of ${doc.symbol}` });
      await this.indexEvents?.documentChanged(em, doc.id);
      return doc;
    });
  }

  /** The highest revision number of a document (-1 when it has none). */
  async latestRevisionNumber(em: EntityManager, documentId: string): Promise<number> {
    const row = await em
      .createQueryBuilder(DocumentRevision, 'r')
      .select('MAX(r.number)', 'latest')
      .where('r.documentId = :documentId', { documentId })
      .getRawOne<{ latest: number | null }>();
    return row?.latest == null ? -1 : Number(row.latest);
  }

  /**
   * Loads a document for a change that depends on its status, locking its row on PostgreSQL so a
   * concurrent withdrawal or revision waits; refuses callers who may not contribute, and documents
   * that are no longer REGISTERED.
   */
  async lockedForChange(ctx: RequestContext, em: EntityManager, key: string, lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write'): Promise<Document> {
    const postgres = em.connection.options.type === 'postgres';
    const doc = await em.findOne(Document, { where: { symbol: key }, ...(postgres ? { lock: { mode: lock } } : {}) });
    if (!doc || !canReadDocument(ctx.actor, doc)) throw AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', key);
    if (!mayContribute(ctx.actor, doc)) throw AppError.forbidden('NOT_SUBMITTER', `Only the secretariat or delegates of the submitting economy may change ${key}`);
    if (doc.status !== DocumentStatus.REGISTERED)
      throw AppError.invalidState('DOCUMENT_CLOSED', `${key} is ${doc.status.toLowerCase()}: it takes no new revisions or files`, { status: doc.status });
    return doc;
  }

  private async load(ctx: RequestContext, em: EntityManager, key: string): Promise<Document> {
    const doc = await em.findOne(Document, { where: { symbol: key } });
    if (!doc || !canReadDocument(ctx.actor, doc)) throw AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', key);
    if (!isSecretariat(ctx.actor)) throw AppError.forbidden('NOT_ALLOWED');
    return doc;
  }

  private title(text: string): string {
    const title = text.replace(/\s+/g, ' ').trim();
    if (!title) throw AppError.badInput('FIELD_REQUIRED', 'title must not be empty', { field: 'title' });
    return title;
  }

  private language(tag: string): string {
    const normalized = normalizeLanguageTag(tag);
    if (!normalized) throw AppError.badInput('LANGUAGE_UNKNOWN', `"${tag.slice(0, 20)}" is not a language tag (e.g. en, zh, zh-Hant)`, { field: 'language' });
    return normalized;
  }

  private async submitter(em: EntityManager, ref: PartyRefInput): Promise<Submitter> {
    if (ref.personId) throw AppError.badInput('SUBMITTER_INVALID', 'Documents are submitted by an economy or an organization, not a person', { field: 'submittedBy' });
    const party = await this.lookup.party(em, ref);
    return { submittedByEconomyId: party.economyId, submittedByOrganizationId: party.organizationId };
  }

  private async sessionOf(em: EntityManager, id: string, meeting: Meeting): Promise<Session> {
    const session = await this.meetings.sessionById(em, id);
    if (!session) throw AppError.notFound('SESSION_NOT_FOUND', 'Session', id);
    if (session.meetingId !== meeting.id) throw AppError.badInput('REFERENCE_ELSEWHERE', `That session is not part of ${meeting.code}`, { field: 'sessionId' });
    return session;
  }

  private async agendaItemOf(em: EntityManager, id: string, meeting: Meeting): Promise<AgendaItem> {
    const item = await this.meetings.agendaItemById(em, id);
    if (!item) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', 'Agenda item', id);
    if ((await this.meetings.meetingIdOfAgendaItem(em, item)) !== meeting.id)
      throw AppError.badInput('REFERENCE_ELSEWHERE', `That agenda item is not on an agenda of ${meeting.code}`, { field: 'agendaItemId' });
    return item;
  }
}

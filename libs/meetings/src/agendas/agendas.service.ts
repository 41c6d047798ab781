import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError, AuditTrail, isUniqueViolation, isUuid, newId, RequestContext, UnitOfWork } from '@tel/core';
import { Session } from '../sessions/session.entity';
import { LookupService, PartyRefInput } from '../shared/lookup.service';
import { Agenda, AgendaStatus } from './agenda.entity';
import { AgendaItem } from './agenda-item.entity';
import { AgendaItemPresenter } from './agenda-item-presenter.entity';
import { AddAgendaItemInput, AgendaItemRefInput, AgendaRefInput, CreateAgendaInput, MoveAgendaItemInput, RecordAgendaOutcomeInput, UpdateAgendaItemInput } from './agenda.inputs';
import { canonicalAgendaNumber } from './agenda-number';
import { checkLabel, childrenOf, depthOf, isDescendant, MAX_AGENDA_DEPTH, recomputeNumbers, renumberAll, resequence, subtreeHeight, TreeError, TreeItem } from './agenda-tree';

/**
 * Agendas and their items. Adoption freezes the structure (no adding, moving, renumbering,
 * removing or retitling); presenters, sessions and outcomes can still be recorded.
 */
const treeState = (i: TreeItem) => `${i.parentId}|${i.position}|${i.label}|${i.number}`;
const snapshotOf = (items: TreeItem[]) => new Map(items.map((i) => [i.id, treeState(i)]));

@Injectable()
export class AgendasService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly audit: AuditTrail,
  ) {}

  async agendaByMeetingAndGroup(meetingCode: string, groupCode: string): Promise<Agenda> {
    const em = this.uow.manager;
    const meeting = await this.lookup.meetingByCode(em, meetingCode);
    const group = await this.lookup.groupByCode(em, groupCode);
    const agenda = await em.findOne(Agenda, { where: { meetingId: meeting.id, groupId: group.id } });
    if (!agenda) throw AppError.notFound('AGENDA_NOT_FOUND', 'Agenda', `${meeting.code} ${group.code}`);
    return agenda;
  }

  async itemById(id: string): Promise<AgendaItem> {
    const item = isUuid(id) ? await this.uow.manager.findOne(AgendaItem, { where: { id } }) : null;
    if (!item) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', 'Agenda item', id);
    return item;
  }

  async itemByNumber(meetingCode: string, groupCode: string, printed: string): Promise<AgendaItem> {
    const number = canonicalAgendaNumber(printed);
    if (!number) throw AppError.badInput('AGENDA_ITEM_NUMBER_MALFORMED', `"${printed}" is not an agenda item number (e.g. 3, 3.f, 3(f))`, { field: 'number' });
    const agenda = await this.agendaByMeetingAndGroup(meetingCode, groupCode);
    const item = await this.uow.manager.findOne(AgendaItem, { where: { agendaId: agenda.id, number } });
    if (!item) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', 'Agenda item', number);
    return item;
  }

  createAgenda(ctx: RequestContext, input: CreateAgendaInput): Promise<Agenda> {
    return this.uow.write(async (em) => {
      const meeting = await this.lookup.meetingByCode(em, input.meetingCode);
      const group = await this.lookup.groupByCode(em, input.groupCode);
      if (await em.exists(Agenda, { where: { meetingId: meeting.id, groupId: group.id } })) {
        throw AppError.conflict('AGENDA_EXISTS', `${meeting.code} already has a ${group.code} agenda`);
      }
      const agenda = em.create(Agenda, {
        meetingId: meeting.id,
        groupId: group.id,
        title: input.title?.trim() || `${group.code} agenda, ${meeting.code}`,
        status: AgendaStatus.DRAFT,
        adoptedAt: null,
      });
      try {
        await em.save(agenda);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('AGENDA_EXISTS', `${meeting.code} already has a ${group.code} agenda`);
        throw error;
      }
      await this.audit.record(em, ctx, { action: 'agenda.create', entityType: 'Agenda', entityId: agenda.id, summary: `created ${agenda.title}` });
      return agenda;
    });
  }

  addItem(ctx: RequestContext, input: AddAgendaItemInput): Promise<AgendaItem> {
    return this.uow.write(async (em) => {
      const agenda = await this.draftAgenda(em, input.agendaId);
      const items = await em.find(AgendaItem, { where: { agendaId: agenda.id } });
      const snapshot = snapshotOf(items);
      const parentId = input.parentId ?? null;
      if (parentId && !items.some((i) => i.id === parentId)) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', 'Agenda item', parentId);
      const depth = depthOf(items, parentId) + 1;
      if (depth >= MAX_AGENDA_DEPTH) throw AppError.badInput('AGENDA_TOO_DEEP', `Agendas nest at most ${MAX_AGENDA_DEPTH} levels deep`, { field: 'parentId' });
      const siblings = childrenOf(items, parentId);
      const position = Math.min(input.position ?? siblings.length + 1, siblings.length + 1);
      const item = em.create(AgendaItem, {
        id: newId(),
        agendaId: agenda.id,
        parentId,
        position,
        label: '',
        number: '',
        title: input.title.trim(),
        outcome: null,
        sessionId: input.sessionId ? (await this.sessionOfAgenda(em, agenda, input.sessionId)).id : null,
      });
      const ordered = [...siblings];
      ordered.splice(position - 1, 0, item);
      if (input.label) {
        const label = input.label.trim().toLowerCase();
        this.tree(() => checkLabel(items, parentId, label));
        resequence(items, parentId, ordered, false);
        item.label = label;
      } else {
        resequence([...items, item], parentId, ordered, true);
      }
      const all = [...items, item];
      await this.persistTree(em, all, snapshot);
      await this.setPresenters(em, item.id, input.presenters ?? []);
      await this.audit.record(em, ctx, { action: 'agenda.addItem', entityType: 'AgendaItem', entityId: item.id, summary: `added ${item.number} "${item.title}"` });
      return item;
    });
  }

  updateItem(ctx: RequestContext, input: UpdateAgendaItemInput): Promise<AgendaItem> {
    return this.uow.write(async (em) => {
      const item = await this.loadItem(em, input.id);
      const agenda = await em.findOneOrFail(Agenda, { where: { id: item.agendaId } });
      const changed: string[] = [];
      if (input.title === null) throw AppError.badInput('FIELD_REQUIRED', 'title cannot be cleared', { field: 'title' });
      if (input.title !== undefined && input.title.trim() !== item.title) {
        if (agenda.status === AgendaStatus.ADOPTED) throw AppError.invalidState('AGENDA_ADOPTED', 'The agenda is adopted: its items can no longer be retitled');
        item.title = input.title.trim();
        changed.push('title');
      }
      if (input.sessionId !== undefined) {
        item.sessionId = input.sessionId ? (await this.sessionOfAgenda(em, agenda, input.sessionId)).id : null;
        changed.push('session');
      }
      await em.save(item);
      if (input.presenters) {
        await this.setPresenters(em, item.id, input.presenters);
        changed.push('presenters');
      }
      await this.audit.record(em, ctx, {
        action: 'agenda.updateItem',
        entityType: 'AgendaItem',
        entityId: item.id,
        summary: `updated ${changed.join(', ') || 'nothing'} of ${item.number}`,
      });
      return item;
    });
  }

  moveItem(ctx: RequestContext, input: MoveAgendaItemInput): Promise<AgendaItem> {
    return this.uow.write(async (em) => {
      const item = await this.loadItem(em, input.id);
      await this.draftAgenda(em, item.agendaId);
      const items = await em.find(AgendaItem, { where: { agendaId: item.agendaId } });
      const snapshot = snapshotOf(items);
      const moving = items.find((i) => i.id === item.id)!;
      const newParentId = input.parentId ?? null;
      if (newParentId) {
        if (!items.some((i) => i.id === newParentId)) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', 'Agenda item', newParentId);
        if (newParentId === moving.id || isDescendant(items, moving.id, newParentId)) {
          throw AppError.badInput('AGENDA_CYCLE', 'An item cannot be nested under itself or one of its sub-items', { field: 'parentId' });
        }
      }
      if (depthOf(items, newParentId) + 1 + subtreeHeight(items, moving.id) >= MAX_AGENDA_DEPTH) {
        throw AppError.badInput('AGENDA_TOO_DEEP', `Agendas nest at most ${MAX_AGENDA_DEPTH} levels deep`, { field: 'parentId' });
      }
      const oldParentId = moving.parentId;
      const before = moving.number;
      const oldSiblings = childrenOf(items, oldParentId).filter((s) => s.id !== moving.id);
      const newSiblings = oldParentId === newParentId ? oldSiblings : childrenOf(items, newParentId);
      const position = Math.min(input.position, newSiblings.length + 1);
      newSiblings.splice(position - 1, 0, moving);
      if (oldParentId !== newParentId) resequence(items, oldParentId, oldSiblings, true);
      resequence(items, newParentId, newSiblings, true);
      await this.persistTree(em, items, snapshot);
      await this.audit.record(em, ctx, { action: 'agenda.moveItem', entityType: 'AgendaItem', entityId: moving.id, summary: `moved ${before} to ${moving.number}` });
      return moving;
    });
  }

  removeItem(ctx: RequestContext, input: AgendaItemRefInput): Promise<Agenda> {
    return this.uow.write(async (em) => {
      const item = await this.loadItem(em, input.id);
      const agenda = await this.draftAgenda(em, item.agendaId);
      const items = await em.find(AgendaItem, { where: { agendaId: agenda.id } });
      const snapshot = snapshotOf(items);
      const doomed = items.filter((i) => i.id === item.id || isDescendant(items, item.id, i.id)).map((i) => i.id);
      // Children first: the parent link restricts deletes.
      const byDepth = doomed.sort((a, b) => depthOf(items, b) - depthOf(items, a));
      for (const id of byDepth) await em.delete(AgendaItem, { id });
      const rest = items.filter((i) => !doomed.includes(i.id));
      resequence(rest, item.parentId, childrenOf(rest, item.parentId), true);
      await this.persistTree(em, rest, snapshot);
      await this.audit.record(em, ctx, {
        action: 'agenda.removeItem',
        entityType: 'AgendaItem',
        entityId: item.id,
        summary: `removed ${item.number} "${item.title}" and ${doomed.length - 1} sub-item(s)`,
      });
      return agenda;
    });
  }

  renumber(ctx: RequestContext, input: AgendaRefInput): Promise<Agenda> {
    return this.uow.write(async (em) => {
      const agenda = await this.draftAgenda(em, input.agendaId);
      const items = await em.find(AgendaItem, { where: { agendaId: agenda.id } });
      const snapshot = snapshotOf(items);
      renumberAll(items);
      const changed = await this.persistTree(em, items, snapshot);
      await this.audit.record(em, ctx, { action: 'agenda.renumber', entityType: 'Agenda', entityId: agenda.id, summary: `renumbered ${changed} item(s) of ${agenda.title}` });
      return agenda;
    });
  }

  recordOutcome(ctx: RequestContext, input: RecordAgendaOutcomeInput): Promise<AgendaItem> {
    return this.uow.write(async (em) => {
      const item = await this.loadItem(em, input.itemId);
      item.outcome = input.outcome.trim() || null;
      await em.save(item);
      await this.audit.record(em, ctx, { action: 'agenda.recordOutcome', entityType: 'AgendaItem', entityId: item.id, summary: `recorded the outcome of ${item.number}` });
      return item;
    });
  }

  adopt(ctx: RequestContext, input: AgendaRefInput): Promise<Agenda> {
    return this.uow.write(async (em) => {
      const agenda = await this.lookup.agenda(em, input.agendaId);
      if (agenda.status === AgendaStatus.ADOPTED) throw AppError.invalidState('AGENDA_ADOPTED', 'The agenda is already adopted');
      if (!(await em.exists(AgendaItem, { where: { agendaId: agenda.id } }))) throw AppError.invalidState('AGENDA_EMPTY', 'An empty agenda cannot be adopted');
      agenda.status = AgendaStatus.ADOPTED;
      agenda.adoptedAt = new Date().toISOString();
      await em.save(agenda);
      await this.audit.record(em, ctx, { action: 'agenda.adopt', entityType: 'Agenda', entityId: agenda.id, summary: `adopted ${agenda.title}` });
      return agenda;
    });
  }

  private async draftAgenda(em: EntityManager, agendaId: string): Promise<Agenda> {
    const agenda = await this.lookup.agenda(em, agendaId);
    if (agenda.status === AgendaStatus.ADOPTED) throw AppError.invalidState('AGENDA_ADOPTED', 'The agenda is adopted: items can no longer be added, moved, removed or renumbered');
    return agenda;
  }

  private async loadItem(em: EntityManager, id: string): Promise<AgendaItem> {
    const item = isUuid(id) ? await em.findOne(AgendaItem, { where: { id } }) : null;
    if (!item) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', 'Agenda item', id);
    return item;
  }

  private async sessionOfAgenda(em: EntityManager, agenda: Agenda, sessionId: string): Promise<Session> {
    const session = isUuid(sessionId) ? await em.findOne(Session, { where: { id: sessionId } }) : null;
    if (!session || session.meetingId !== agenda.meetingId)
      throw AppError.badInput('REFERENCE_ELSEWHERE', 'sessionId must name a session of the same meeting', { field: 'sessionId' });
    return session;
  }

  private tree(check: () => void): void {
    try {
      check();
    } catch (error) {
      if (error instanceof TreeError) throw AppError.badInput('AGENDA_LABEL_INVALID', error.message, { field: 'label' });
      throw error;
    }
  }

  /**
   * Writes positions, labels and numbers. Numbers are unique per agenda, so changed rows first
   * take a temporary number and then their final one; `inserted` rows are inserted instead.
   */
  private async persistTree(em: EntityManager, items: AgendaItem[], snapshot: Map<string, string>): Promise<number> {
    recomputeNumbers(items);
    const inserted = new Set(items.filter((i) => !snapshot.has(i.id)).map((i) => i.id));
    const changed = items.filter((i) => !inserted.has(i.id) && snapshot.get(i.id) !== treeState(i));
    for (const item of changed) await em.update(AgendaItem, { id: item.id }, { number: `~${item.id}` });
    for (const item of changed) {
      await em.update(AgendaItem, { id: item.id }, { parentId: item.parentId, position: item.position, label: item.label, number: item.number });
    }
    for (const item of items.filter((i) => inserted.has(i.id))) {
      try {
        await em.insert(AgendaItem, item);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('AGENDA_ITEM_EXISTS', `Agenda item ${item.number} already exists`);
        throw error;
      }
    }
    return changed.length;
  }

  private async setPresenters(em: EntityManager, itemId: string, refs: PartyRefInput[]): Promise<void> {
    const parties = [];
    for (const ref of refs) parties.push(await this.lookup.party(em, ref));
    await em.delete(AgendaItemPresenter, { agendaItemId: itemId });
    if (!parties.length) return;
    await em.insert(
      AgendaItemPresenter,
      parties.map((p, index) => ({ id: newId(), agendaItemId: itemId, position: index + 1, ...p })),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AppError, daysBetween, isIsoDate, todayUtc, UnitOfWork } from '@tel/core';
import { Group, GroupKind, LookupService, Meeting, MeetingStatus } from '@tel/meetings';
import { awaitingStepIndex, ApprovalRequestStatus, DecisionMode, waitingSince } from '../rules/approval-chain.rules';
import { ApprovalDecision } from '../requests/approval-decision.entity';
import { ApprovalRequest } from '../requests/approval-request.entity';
import { ApprovalStep } from '../requests/approval-step.entity';
import { ApprovalBoardColumn, ApprovalBoardEntry } from './approval-board.types';

/**
 * The Secretariat's board: pending requests grouped by the body each waits on, how long each has
 * waited, and where the body will next decide. A fixed number of statements whatever the number
 * of requests.
 */
@Injectable()
export class ApprovalBoardService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
  ) {}

  async board(asOfInput: string | null): Promise<ApprovalBoardColumn[]> {
    const asOf = asOfInput?.trim() || todayUtc();
    if (!isIsoDate(asOf)) throw AppError.badInput('DATE_MALFORMED', 'asOf must be a date written YYYY-MM-DD', { field: 'asOf' });
    return this.uow.read(async (em) => {
      const requests = await em.find(ApprovalRequest, { where: { status: ApprovalRequestStatus.PENDING }, order: { createdAt: 'ASC', id: 'ASC' } });
      if (!requests.length) return [];
      const steps = await em.find(ApprovalStep, { where: { requestId: In(requests.map((r) => r.id)) }, order: { position: 'ASC' } });
      const decisions = await em.find(ApprovalDecision, { where: { stepId: In(steps.map((s) => s.id)) }, order: { sequence: 'ASC' } });
      const latestOn = new Map<string, string | null>();
      for (const d of decisions) latestOn.set(d.stepId, d.decidedOn);
      const { groups, meetings: allMeetings } = await this.lookup.groupsAndMeetings(em);
      const meetings = allMeetings.filter((m) => m.status !== MeetingStatus.HELD);
      const groupsWithMeetings = new Set(allMeetings.map((m) => m.groupId));

      const columns = new Map<string, ApprovalBoardColumn>();
      for (const request of requests) {
        const chain = steps.filter((s) => s.requestId === request.id);
        const index = awaitingStepIndex(chain);
        if (index === null) continue;
        const step = chain[index];
        let column = columns.get(step.groupId);
        if (!column) {
          const body = groups.find((g) => g.id === step.groupId)!;
          column = { body, nextMeeting: nextMeetingOf(body, groups, meetings, groupsWithMeetings), entries: [] };
          columns.set(step.groupId, column);
        }
        const since = waitingSince(
          chain.map((s) => latestOn.get(s.id) ?? null),
          index,
          request.filedOn,
        );
        const entry: ApprovalBoardEntry = {
          request,
          step,
          waitingSince: since,
          daysWaiting: since ? Math.max(0, daysBetween(since, asOf)) : null,
          nextMeeting: step.mode === DecisionMode.BY_CHAIR ? null : column.nextMeeting,
        };
        column.entries.push(entry);
      }
      for (const column of columns.values()) column.entries.sort((a, b) => (b.daysWaiting ?? -1) - (a.daysWaiting ?? -1));
      return [...columns.values()].sort((a, b) => a.body.code.localeCompare(b.body.code));
    });
  }
}

/**
 * Where a body next meets: its next meeting not yet held (by number, then date). Steering groups
 * and task forces meet during their parent's meetings, so without meetings of their own they take
 * their parent's. SOM and BMC have no meetings on record: unknown (null).
 */
export function nextMeetingOf(body: Group, groups: Group[], notHeld: Meeting[], groupsWithMeetings: Set<string>): Meeting | null {
  let group: Group | undefined = body;
  while (group) {
    if (groupsWithMeetings.has(group.id)) {
      const next = notHeld
        .filter((m) => m.groupId === group!.id)
        .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999'));
      return next[0] ?? null;
    }
    if (group.kind !== GroupKind.STEERING_GROUP && group.kind !== GroupKind.TASK_FORCE) return null;
    const parentId: string | null = group.parentId;
    group = parentId ? groups.find((g) => g.id === parentId) : undefined;
  }
  return null;
}

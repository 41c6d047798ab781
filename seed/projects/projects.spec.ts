import * as fs from 'node:fs';
import * as path from 'node:path';
import { awaitingStepIndex, chainStatus, ApprovalOutcome } from '@tel/approvals';
import { canonicalProjectNumber, parseMoneyAmount, parsePartialDate, partialDatesInOrder } from '@tel/projects';
import { tel37 } from '../tel37';
import { tel37Projects } from './index';
import type { SeedApprovalRequest } from './types';

const { projects, progressReports, approvalRequests } = tel37Projects;
const economyCodes = new Set(tel37.economies.map((e) => e.code));
const groupCodes = new Set(tel37.groups.map((g) => g.code));
const meetingCodes = new Set(tel37.meetings.map((m) => m.code));
const personKeys = new Set(tel37.persons.map((p) => p.key));
const projectKeys = new Set(projects.map((p) => p.key));

const outcomes = (r: SeedApprovalRequest) => r.steps.map((s) => ({ outcome: (s.decision?.outcome ?? 'PENDING') as ApprovalOutcome, decided: !!s.decision }));
const awaiting = (r: SeedApprovalRequest) => {
  const i = awaitingStepIndex(outcomes(r));
  return i === null ? null : `${r.steps[i].groupCode}${r.steps[i].mode === 'BY_CHAIR' ? ' (chair)' : ''}`;
};

describe('projects seed', () => {
  it('has unique keys, and one report per project and period', () => {
    expect(projectKeys.size).toBe(projects.length);
    expect(new Set(approvalRequests.map((r) => r.key)).size).toBe(approvalRequests.length);
    expect(new Set(progressReports.map((r) => `${r.projectKey}|${r.meetingCode}`)).size).toBe(progressReports.length);
  });

  it('refers only to economies, groups, meetings, people and projects that exist', () => {
    for (const p of projects) {
      for (const code of [...p.proposingEconomyCodes, ...(p.coSponsoringEconomyCodes ?? [])]) expect(economyCodes).toContain(code);
      expect(groupCodes).toContain(p.forumCode);
      if (p.steeringGroupCode) expect(groupCodes).toContain(p.steeringGroupCode);
      if (p.overseerPersonKey) expect(personKeys).toContain(p.overseerPersonKey);
      for (const item of p.agendaItems) expect(meetingCodes).toContain(item.meetingCode);
    }
    for (const r of progressReports) {
      expect(projectKeys).toContain(r.projectKey);
      expect(meetingCodes).toContain(r.meetingCode);
      for (const code of [...r.proposingEconomyCodes, ...r.coSponsoringEconomyCodes]) expect(economyCodes).toContain(code);
    }
    for (const q of approvalRequests) {
      if (q.projectKey) expect(projectKeys).toContain(q.projectKey);
      for (const s of q.steps) expect(groupCodes).toContain(s.groupCode);
      if (q.requestedCompletionMeetingCode) expect(meetingCodes).toContain(q.requestedCompletionMeetingCode);
    }
  });

  it('keeps money canonical and dates valid', () => {
    for (const m of [...projects, ...progressReports].flatMap((p) => [p.totalCost, p.apecFundingSought]).filter((x) => !!x)) expect(parseMoneyAmount(m.amount)).toBe(m.amount);
    for (const p of [...projects, ...progressReports]) {
      for (const d of [p.startDate, p.endDate].filter((x): x is string => !!x)) expect(parsePartialDate(d)?.value).toBe(d);
      if (p.startDate && p.endDate) expect(partialDatesInOrder(p.startDate, p.endDate)).toBe(true);
    }
    for (const p of projects) if (p.number) expect(canonicalProjectNumber(p.number)).toBe(p.number);
  });

  it('gives every record a source', () => {
    for (const record of [...projects, ...progressReports, ...approvalRequests]) expect(record.source).toMatch(/annex|§/);
    for (const d of approvalRequests.flatMap((q) => q.steps.map((s) => s.decision)).filter((x) => !!x)) expect(d.source).toMatch(/§/);
  });

  it('leaves the state the report leaves: six requests on TEL (the USA one on its Chair), none on SOM, Korea’s reports approved', () => {
    expect(Object.fromEntries(approvalRequests.map((q) => [q.key, awaiting(q)]))).toEqual({
      'tel37-3c-postpone-training': 'TEL (chair)',
      'tel37-3d-voip-extension': 'TEL',
      'tel37-3g-botnet-extension': 'TEL',
      'tel37-3h-exercises-extension': 'TEL',
      'tel37-6a-malware-report': 'TEL',
      'tel37-7a-awareness-project': 'TEL',
      'tel37-3b-output-reports': null,
    });
    expect(chainStatus(outcomes(approvalRequests.find((q) => q.key === 'tel37-3b-output-reports')!))).toBe('APPROVED');
    expect(Object.fromEntries(projects.map((p) => [p.agendaItems[0].number, p.status]))).toEqual({
      '3.a': 'IN_PROGRESS',
      '3.b': 'COMPLETED',
      '3.c': 'IN_PROGRESS',
      '3.d': 'IN_PROGRESS',
      '3.e': 'COMPLETED',
      '3.f': 'IN_PROGRESS',
      '3.g': 'IN_PROGRESS',
      '3.h': 'IN_PROGRESS',
      '7.a': 'PROPOSED',
    });
  });

  describe('text in our own words', () => {
    const corpusFile = path.resolve(__dirname, '../../../shared/corpus/tel37-trip-report.zh.txt');
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean);
    const WINDOW = 8;
    const corpus = fs.existsSync(corpusFile) ? ` ${words(fs.readFileSync(corpusFile, 'utf8')).join(' ')} ` : null;
    const texts = [
      ...projects.map((p) => ['description', p.description] as const),
      ...progressReports.flatMap((r) =>
        (['description', 'objectivesResults', 'linkagesMethodologyBudget', 'progressSinceLastReport'] as const).map((k) => [k, r[k] ?? ''] as const),
      ),
      ...approvalRequests.flatMap((q) => [['reason', q.reason ?? ''] as const, ...q.steps.map((s) => ['note', s.decision?.note ?? ''] as const)]),
    ];

    it(`copies no run of ${WINDOW} words from the report`, () => {
      if (!corpus) {
        console.log(`corpus not found at ${corpusFile}: the copy check needs ../shared beside the project`);
        return;
      }
      const copied: string[] = [];
      for (const [field, text] of texts) {
        const w = words(text);
        for (let i = 0; i + WINDOW <= w.length; i++) {
          const run = w.slice(i, i + WINDOW).join(' ');
          if (corpus.includes(` ${run} `)) copied.push(`${field}: "${run}"`);
        }
      }
      expect(copied).toEqual([]);
    });
  });
});

import {
  REPORT_FORM_KEYS,
  carryOver,
  comparePeriods,
  diffReports,
  FormAnswer,
  missingForSubmit,
  ProgressReportStatus as S,
  ReportAction,
  reportActionAllowed,
  ReportForm,
  stillCarriedOver,
} from './progress-report.rules';

const blank: ReportForm = {
  fundingAccount: null,
  projectNumber: null,
  committeeName: null,
  projectTitle: null,
  proposingEconomyCodes: [],
  coSponsoringEconomyCodes: [],
  overseerName: null,
  overseerTitle: null,
  overseerOrganization: null,
  overseerSex: null,
  overseerPostalAddress: null,
  overseerPhone: null,
  overseerFax: null,
  overseerEmail: null,
  totalCostAmount: null,
  totalCostQualifier: null,
  apecFundingAmount: null,
  apecFundingQualifier: null,
  projectType: null,
  projectTypeOther: null,
  startDate: null,
  endDate: null,
  description: null,
  onSchedule: null,
  withinBudget: null,
  objectivesResults: null,
  linkagesMethodologyBudget: null,
  genderImpactOnWomen: null,
  genderWomenConsulted: null,
  genderSexDisaggregatedData: null,
  progressSinceLastReport: null,
  overseerSignatureName: null,
  overseerSignatureDate: null,
};

describe('progress report lifecycle', () => {
  it('names every field of the form once', () => {
    expect([...REPORT_FORM_KEYS].sort()).toEqual(Object.keys(blank).sort());
  });

  it.each<[ReportAction, S, boolean]>([
    ['edit', S.DRAFT, true],
    ['edit', S.SUBMITTED, false],
    ['submit', S.DRAFT, true],
    ['submit', S.SUBMITTED, false],
    ['receive', S.SUBMITTED, true],
    ['receive', S.DRAFT, false],
    ['accept', S.RECEIVED, true],
    ['accept', S.SUBMITTED, false],
    ['return', S.SUBMITTED, true],
    ['return', S.RECEIVED, true],
    ['return', S.ACCEPTED, false],
    ['return', S.DRAFT, false],
    ['table', S.SUBMITTED, true],
    ['table', S.ACCEPTED, true],
    ['table', S.DRAFT, false],
  ])('%s from %s: %s', (action, status, ok) => {
    expect(reportActionAllowed(action, status)).toBe(ok);
  });

  it.each<[Partial<ReportForm>, string[]]>([
    [{}, ['onSchedule', 'withinBudget', 'overseerSignatureDate']],
    [{ onSchedule: FormAnswer.YES, withinBudget: FormAnswer.NOT_APPLICABLE, overseerSignatureDate: '2008-03-18' }, []],
    [{ onSchedule: FormAnswer.UNKNOWN, withinBudget: FormAnswer.NO, overseerSignatureDate: '2008-03-18' }, ['onSchedule']],
  ])('submitting %j misses %j', (fields, missing) => {
    expect(missingForSubmit({ ...blank, ...fields })).toEqual(missing);
  });
});

describe('changes since the previous report', () => {
  it('lists changed fields in form order, rendering money, lists and dates', () => {
    const before: ReportForm = {
      ...blank,
      endDate: '2009-10',
      totalCostAmount: '400000.00',
      totalCostQualifier: 'AT_LEAST',
      coSponsoringEconomyCodes: ['THA', 'MAS', 'PE'],
      onSchedule: FormAnswer.UNKNOWN,
      progressSinceLastReport: 'first course held',
      overseerSignatureDate: '2008-03-18',
    };
    const after: ReportForm = {
      ...before,
      endDate: '2010-06',
      totalCostAmount: '450000.00',
      totalCostQualifier: 'EXACT',
      coSponsoringEconomyCodes: ['THA', 'MAS', 'PE', 'VN'],
      onSchedule: FormAnswer.YES,
      overseerSignatureDate: '2008-09-01',
    };
    expect(diffReports(before, after)).toEqual([
      { field: 'coSponsoringEconomies', before: 'THA, MAS, PE', after: 'THA, MAS, PE, VN' },
      { field: 'totalCost', before: 'at least 400000.00 USD', after: '450000.00 USD' },
      { field: 'endDate', before: '2009-10', after: '2010-06' },
      { field: 'onSchedule', before: 'UNKNOWN', after: 'YES' },
    ]);
  });

  it('is empty for identical forms, and treats a first answer as a change from nothing', () => {
    expect(diffReports(blank, { ...blank })).toEqual([]);
    expect(diffReports(blank, { ...blank, objectivesResults: 'x' })).toEqual([{ field: 'objectivesResults', before: null, after: 'x' }]);
  });

  it.each([
    [{ meetingNumber: 37, meetingStartDate: null, createdAt: 5 }, { meetingNumber: 38, meetingStartDate: null, createdAt: 1 }, -1],
    [{ meetingNumber: null, meetingStartDate: '2008-03-23', createdAt: 5 }, { meetingNumber: null, meetingStartDate: '2008-09-21', createdAt: 1 }, -1],
    [{ meetingNumber: 38, meetingStartDate: null, createdAt: 5 }, { meetingNumber: 38, meetingStartDate: null, createdAt: 1 }, 1],
  ])('orders periods %j and %j', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });
});

describe('carrying a report over into the next draft', () => {
  const blank = Object.fromEntries(REPORT_FORM_KEYS.map((k) => [k, null])) as unknown as ReportForm;
  const previous: ReportForm = {
    ...blank,
    proposingEconomyCodes: ['CT'],
    coSponsoringEconomyCodes: [],
    onSchedule: FormAnswer.UNKNOWN,
    withinBudget: FormAnswer.NOT_APPLICABLE,
    objectivesResults: '2007 course held in Taipei.',
    progressSinceLastReport: 'Survey circulated.',
    overseerSignatureDate: '2008-03-18',
  };

  it('copies the answers the previous report gave, not lost ticks, progress or signatures', () => {
    expect(carryOver(previous)).toEqual({ withinBudget: 'NOT_APPLICABLE', objectivesResults: '2007 course held in Taipei.' });
  });

  it('marks a carried field until the overseer changes it', () => {
    const draft = { ...previous, ...carryOver(previous), onSchedule: null, progressSinceLastReport: null, overseerSignatureDate: null };
    expect(stillCarriedOver(previous, draft)).toEqual(['withinBudget', 'objectivesResults']);
    expect(stillCarriedOver(previous, { ...draft, objectivesResults: '2008 course planned.' })).toEqual(['withinBudget']);
  });
});

import type { ReportFormFieldsFragment } from '../gql/graphql';
import { formFieldOf, formFromReport, inputFromForm, isPartialDate, validateReport } from './report-form';

const PKI: ReportFormFieldsFragment = {
  id: 'r1',
  status: 'DRAFT',
  version: 3,
  period: 'TEL38',
  returnComment: null,
  carriedOver: ['withinBudget'],
  fundingAccount: 'SELF_FUNDED',
  projectNumber: null,
  dateReceivedBySecretariat: null,
  committeeName: 'Security and Prosperity Steering Group',
  projectTitle: 'APEC TEL PKI/e-Authentication Training Program',
  proposingEconomies: [{ code: 'CT', name: 'Chinese Taipei' }],
  coSponsoringEconomies: [{ code: 'THA', name: 'Thailand' }],
  overseerName: 'Pai-Por Wang',
  overseerTitle: 'Chairman',
  overseerOrganization: 'Chinese Taipei PKI Forum',
  overseerSex: 'MALE',
  overseerContact: { postalAddress: null, phone: '+886-2-2392-5090', fax: null, email: 'anitakuo@itri.org.tw' },
  totalCost: { amount: '400000.00', qualifier: 'AT_LEAST' },
  apecFundingSought: { amount: '0.00', qualifier: 'EXACT' },
  projectType: 'OTHER',
  projectTypeOther: 'long-term training program',
  startDate: { value: '2006-11', precision: 'MONTH' },
  endDate: { value: '2009-10', precision: 'MONTH' },
  description: null,
  overseerSignatureName: null,
  overseerSignatureDate: null,
  onSchedule: null,
  withinBudget: 'NOT_APPLICABLE',
  objectivesResults: 'Course held.',
  linkagesMethodologyBudget: null,
  genderImpactOnWomen: 'N.A.',
  genderWomenConsulted: null,
  genderSexDisaggregatedData: null,
  progressSinceLastReport: null,
};

describe('the progress-report form', () => {
  it('round-trips a report: money with its qualifier, dates with their precision, blanks as null', () => {
    const state = formFromReport(PKI);
    expect(state.totalCostAmount).toBe('400,000');
    expect(state.totalCostAtLeast).toBe(true);
    const input = inputFromForm('r1', 3, state);
    expect(input).toMatchObject({
      id: 'r1',
      expectedVersion: 3,
      totalCost: { amount: '400,000', qualifier: 'AT_LEAST' },
      apecFundingSought: { amount: '0', qualifier: 'EXACT' },
      startDate: '2006-11',
      onSchedule: null,
      description: null,
      proposingEconomyCodes: ['CT'],
      overseerContact: { phone: '+886-2-2392-5090', email: 'anitakuo@itri.org.tw', fax: null, postalAddress: null },
    });
  });

  it('lets a draft be saved half-filled, but asks for the status and the signature date before submitting', () => {
    const state = formFromReport(PKI);
    expect(validateReport(state, false)).toEqual([]);
    expect(validateReport(state, true).map((e) => e.field)).toEqual(['onSchedule', 'overseerSignatureDate']);
  });

  it('names each malformed field', () => {
    const state = { ...formFromReport(PKI), startDate: '2006-13', endDate: 'soon', totalCostAmount: 'lots', overseerSignatureDate: '18/03/2008', email: 'nobody' };
    expect(validateReport(state, false).map((e) => e.field)).toEqual(['email', 'totalCostAmount', 'startDate', 'endDate', 'overseerSignatureDate']);
    expect(validateReport({ ...formFromReport(PKI), startDate: '2009', endDate: '2008-12' }, false)).toEqual([
      { field: 'endDate', message: 'The end date must be the same as or after the start date' },
    ]);
    expect(isPartialDate('2008-02-30')).toBe(false);
    expect(isPartialDate('2008-02-29')).toBe(true);
  });

  it('puts a server error beside the field it names', () => {
    const state = formFromReport(PKI);
    expect(formFieldOf('input.totalCost', state)).toBe('totalCostAmount');
    expect(formFieldOf('input.endDate', state)).toBe('endDate');
    expect(formFieldOf('onSchedule', state)).toBe('onSchedule');
    expect(formFieldOf('input.id', state)).toBeNull();
  });
});

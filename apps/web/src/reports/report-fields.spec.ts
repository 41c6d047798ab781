import { diffValue, fieldLabel } from './report-fields';

describe('report fields in words', () => {
  it('labels fields as the form does, and spells out unknown ones', () => {
    expect(fieldLabel('input.totalCost')).toBe('Total cost of proposal (US$)');
    expect(fieldLabel('onSchedule')).toBe('Is the project on schedule?');
    expect(fieldLabel('someNewField')).toBe('Some new field');
  });

  it('writes compared values as the rest of the site does', () => {
    expect(diffValue('fundingAccount', 'SELF_FUNDED')).toBe('Self-funded');
    expect(diffValue('withinBudget', 'NOT_APPLICABLE')).toBe('N.A.');
    expect(diffValue('totalCost', 'at least 400000.00 USD')).toBe('at least US$400,000');
    expect(diffValue('endDate', '2009-10')).toBe('October 2009');
    expect(diffValue('overseerSex', 'MALE')).toBe('M');
    expect(diffValue('objectivesResults', 'Course held.')).toBe('Course held.');
  });
});

import { expect } from '@jest/globals';
import { AppError } from '@tel/core';
import { normalizeLanguageTag, parseSymbolInput, revisionNumberInput, symbolFor, yearFits } from './document.rules';

describe('parseSymbolInput', () => {
  it('parses any accepted spelling', () => {
    expect(parseSymbolInput('2008/TEL37/SPSG/006rev2')).toMatchObject({ meeting: 'TELWG37', code: 'SPSG', number: 6, revision: 2 });
  });

  it.each(['garbage', '', '../../etc/passwd', '2008-TEL37-SPSG-0'])('answers BAD_USER_INPUT naming the expected form for %j', (input) => {
    let caught: unknown;
    try {
      parseSymbolInput(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('BAD_USER_INPUT');
    expect((caught as AppError).message).toMatch(/Expected YEAR-MEETING-CODE-NNN, e\.g\. 2008-TELWG37-SPSG-006/);
    expect((caught as AppError).details).toMatchObject({ field: 'symbol', expected: expect.stringContaining('YEAR-MEETING-CODE-NNN') });
  });
});

describe('symbolFor', () => {
  it('builds the symbol of a meeting code', () => {
    expect(symbolFor('TEL37', { year: 2008, code: 'PTAB-WS', number: 16 })).toEqual({ meeting: 'TEL37', year: 2008, code: 'PTAB-WS', number: 16 });
  });

  it.each<[string, string | null]>([
    ['C-100', 'SPSG'],
    ['TEL37', 'SP SG'],
    ['TEL37', 'A-B-C-D'],
    ['TEL37', '12'],
  ])('refuses meeting %j with code %j', (meeting, code) => {
    expect(() => symbolFor(meeting, { year: 2008, code, number: 1 })).toThrow(AppError);
  });
});

describe('revisionNumberInput', () => {
  it.each<[string | number, number]>([
    ['0', 0],
    ['2', 2],
    [' 12 ', 12],
    ['Rev.2', 2],
    ['rev3', 3],
    [999, 999],
  ])('%j → %d', (input, n) => {
    expect(revisionNumberInput(input)).toBe(n);
  });

  it.each(['', '-1', '1.5', '1000', 'two', '0x1', 'latest'])('refuses %j', (input) => {
    expect(() => revisionNumberInput(input)).toThrow(AppError);
  });
});

describe('normalizeLanguageTag', () => {
  it.each<[string, string | null]>([
    ['en', 'en'],
    ['ZH', 'zh'],
    ['zh-hant', 'zh-Hant'],
    ['zh-Hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['english', null],
    ['en_US', null],
    ['', null],
    ['x-klingon', null],
  ])('%j → %j', (tag, normalized) => {
    expect(normalizeLanguageTag(tag)).toBe(normalized);
  });
});

describe('yearFits', () => {
  const tel37 = { startDate: '2008-03-23', endDate: '2008-03-28' };
  it.each<[number, boolean]>([
    [2007, true],
    [2008, true],
    [2009, false],
    [2005, false],
  ])('%d for TEL37: %p', (year, fits) => {
    expect(yearFits(year, tel37)).toBe(fits);
  });

  it('accepts any year for a meeting without dates', () => {
    expect(yearFits(2030, { startDate: null, endDate: null })).toBe(true);
  });
});

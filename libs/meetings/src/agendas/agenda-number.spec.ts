import { canonicalAgendaNumber, labelFor, parseAgendaNumber } from './agenda-number';

describe('agenda numbers', () => {
  it.each([
    ['3.f', '3.f'],
    ['3(f)', '3.f'],
    ['3 f)', '3.f'],
    ['3 (f)', '3.f'],
    ['3f', '3.f'],
    ['3.F', '3.f'],
    [' 12 ', '12'],
    ['03', '3'],
    ['3(f)(ii)', '3.f.ii'],
    ['10.b', '10.b'],
  ])('reads %j as %s', (printed, canonical) => {
    expect(canonicalAgendaNumber(printed)).toBe(canonical);
  });

  it.each(['', '   ', 'f', '(f)', 'item 3', '3..', '3-f', '3.f.g.h.i', '3.abcd', 'x'.repeat(50)])('rejects %j', (bad) => {
    // '3..' collapses to 3, which is fine; everything else must be refused
    if (bad === '3..') expect(parseAgendaNumber(bad)).toEqual(['3']);
    else expect(parseAgendaNumber(bad)).toBeNull();
  });

  it.each([
    [0, 1, '1'],
    [0, 13, '13'],
    [1, 1, 'a'],
    [1, 8, 'h'],
    [1, 27, 'aa'],
    [2, 4, 'iv'],
    [2, 9, 'ix'],
  ])('labels depth %i position %i as %s', (depth, position, label) => {
    expect(labelFor(depth, position)).toBe(label);
  });
});

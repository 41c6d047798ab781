import { describeMoney, MoneyQualifier, parseMoneyAmount } from './money';

describe('money amounts', () => {
  it.each([
    ['123456789012.34', '123456789012.34'],
    ['0.10', '0.10'],
    ['0.1', '0.10'],
    ['400000', '400000.00'],
    ['400,000', '400000.00'],
    ['1,234,567.8', '1234567.80'],
    ['  42.00 ', '42.00'],
    ['007', '7.00'],
    ['0', '0.00'],
    ['999999999999.99', '999999999999.99'],
  ])('reads %j as %s', (input, canonical) => {
    expect(parseMoneyAmount(input)).toBe(canonical);
  });

  it.each(['', ' ', '-1', '+1', '1.234', '1e6', '1,23', '12,3456', '.5', '5.', 'NaN', 'abc', '1 000', '1000000000000.00', '0x10', '１２'])('refuses %j', (input) => {
    expect(parseMoneyAmount(input)).toBeNull();
  });

  it('describes exact sums and lower bounds', () => {
    expect(describeMoney({ amount: '0.00', qualifier: MoneyQualifier.EXACT })).toBe('0.00 USD');
    expect(describeMoney({ amount: '400000.00', qualifier: MoneyQualifier.AT_LEAST })).toBe('at least 400000.00 USD');
    expect(describeMoney(null)).toBeNull();
  });
});

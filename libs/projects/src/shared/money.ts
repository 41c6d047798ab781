/**
 * Amounts of money as exact decimal strings — never floats. APEC project money is in US dollars
 * with cents; an amount is kept in one canonical form, `123456789012.34`: no sign, no leading
 * zeros, exactly two decimals, at most 12 digits before the point (the range of numeric(14,2)).
 *
 * A sum may be a lower bound: the PKI progress report gives its total cost as "over 400,000 US
 * dollars", which is `{ amount: '400000.00', qualifier: AT_LEAST }`, not an exact sum.
 */

export enum MoneyQualifier {
  EXACT = 'EXACT',
  AT_LEAST = 'AT_LEAST',
}

export const MONEY_CURRENCY = 'USD';
export const MONEY_MAX_INTEGER_DIGITS = 12;

export interface MoneyValue {
  amount: string;
  qualifier: MoneyQualifier;
}

// Plain digits ("400000", "0.10") or digits grouped in thousands with commas ("400,000.00").
const PLAIN = /^(\d+)(?:\.(\d{1,2}))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/** The canonical form of an amount, or null when it is not a non-negative amount with at most two decimals. */
export function parseMoneyAmount(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const text = input.trim();
  const match = PLAIN.exec(text) ?? GROUPED.exec(text);
  if (!match) return null;
  const integer = match[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (integer.length > MONEY_MAX_INTEGER_DIGITS) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return `${integer}.${cents}`;
}

/** How a sum reads in a diff or a summary: `400000.00 USD`, `at least 400000.00 USD`. */
export function describeMoney(value: MoneyValue | null): string | null {
  if (!value) return null;
  return `${value.qualifier === MoneyQualifier.AT_LEAST ? 'at least ' : ''}${value.amount} ${MONEY_CURRENCY}`;
}

/** Two stored columns (amount, qualifier) → a value, or null when no amount is stored. */
export function moneyFromColumns(amount: string | null, qualifier: string | null): MoneyValue | null {
  if (amount === null || amount === undefined) return null;
  return { amount, qualifier: qualifier === MoneyQualifier.AT_LEAST ? MoneyQualifier.AT_LEAST : MoneyQualifier.EXACT };
}

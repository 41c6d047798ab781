import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { AppError, FieldAccess, signedIn } from '@tel/core';
import { MONEY_CURRENCY, MoneyQualifier, MoneyValue, parseMoneyAmount } from './money';
import { DatePrecision, parsePartialDate } from './partial-date';

registerEnumType(MoneyQualifier, { name: 'MoneyQualifier', description: 'EXACT, or AT_LEAST when the source gives a lower bound ("over 400,000 US dollars").' });
registerEnumType(DatePrecision, { name: 'DatePrecision' });

@ObjectType({ description: 'An exact sum of money. `amount` is a decimal string with two decimals, never a float.' })
export class Money {
  @Field({ description: 'e.g. "123456789012.34", "0.10".' })
  amount: string;

  @Field({ description: 'Always USD for APEC projects.' })
  currency: string;

  @Field(() => MoneyQualifier)
  qualifier: MoneyQualifier;
}

export function toMoney(value: MoneyValue | null): Money | null {
  return value ? { amount: value.amount, currency: MONEY_CURRENCY, qualifier: value.qualifier } : null;
}

@InputType()
export class MoneyInput {
  @Field({ description: 'A decimal with at most two decimals and 12 digits before the point, e.g. "400000" or "400,000.00". Send it as a string.' })
  @IsString()
  @MaxLength(40)
  amount: string;

  @Field(() => MoneyQualifier, { defaultValue: MoneyQualifier.EXACT })
  @IsOptional()
  @IsEnum(MoneyQualifier)
  qualifier?: MoneyQualifier;

  @Field(() => String, { nullable: true, defaultValue: MONEY_CURRENCY, description: 'Only USD.' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  currency?: string | null;
}

/** Reads a MoneyInput into the two stored columns; null (clear) stays null. BAD_USER_INPUT names `field`. */
export function moneyColumns(input: MoneyInput | null, field: string): { amount: string | null; qualifier: MoneyQualifier | null } {
  if (input === null) return { amount: null, qualifier: null };
  const currency = (input.currency ?? MONEY_CURRENCY).trim().toUpperCase();
  if (currency !== MONEY_CURRENCY) throw AppError.badInput('MONEY_INVALID', `${field}: only US dollars (USD) are used for APEC projects`, { field });
  const amount = parseMoneyAmount(input.amount);
  if (amount === null) throw AppError.badInput('MONEY_INVALID', `${field}: "${input.amount}" is not an amount (digits, at most two decimals, up to 999999999999.99)`, { field });
  return { amount, qualifier: input.qualifier ?? MoneyQualifier.EXACT };
}

@ObjectType({ description: 'A date known to the day, the month ("2006-11") or the year ("2009").' })
export class PartialDate {
  @Field({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' })
  value: string;

  @Field(() => DatePrecision)
  precision: DatePrecision;
}

/** Validates a partial date given as text; null (clear) stays null. */
export function partialDateInput(value: string | null, field: string): string | null {
  if (value === null) return null;
  const parsed = parsePartialDate(value);
  if (!parsed) throw AppError.badInput('DATE_MALFORMED', `${field} must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2006-11)`, { field });
  return parsed.value;
}

@ObjectType({ description: "A project overseer's contact details, as the project form gives them." })
export class ContactDetails {
  @FieldAccess(signedIn, () => String, { description: 'Postal address.' })
  postalAddress: string | null;

  @FieldAccess(signedIn, () => String)
  phone: string | null;

  @FieldAccess(signedIn, () => String)
  fax: string | null;

  @FieldAccess(signedIn, () => String)
  email: string | null;
}

@InputType()
export class ContactDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  postalAddress?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  fax?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;
}

/** Trims free text; an empty string counts as none. */
export function cleanText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

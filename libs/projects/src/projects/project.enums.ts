import { registerEnumType } from '@nestjs/graphql';
import { ProjectStatus } from './project-status.rules';

/** Where the money comes from: the form's three accounts, or the proposers themselves. */
export enum FundingAccount {
  OPERATIONAL_ACCOUNT = 'OPERATIONAL_ACCOUNT',
  TILF_SPECIAL_ACCOUNT = 'TILF_SPECIAL_ACCOUNT',
  APEC_SUPPORT_FUND = 'APEC_SUPPORT_FUND',
  SELF_FUNDED = 'SELF_FUNDED',
}
registerEnumType(FundingAccount, { name: 'FundingAccount' });

/** Paid from an APEC account (its extensions and reprogramming go to BMC). */
export function isApecFunded(account: FundingAccount | string | null): boolean {
  return account !== null && account !== (FundingAccount.SELF_FUNDED as string);
}

export enum ProjectType {
  SEMINAR_SYMPOSIUM = 'SEMINAR_SYMPOSIUM',
  SHORT_TERM_TRAINING = 'SHORT_TERM_TRAINING',
  SURVEY_ANALYSIS_RESEARCH = 'SURVEY_ANALYSIS_RESEARCH',
  DATABASE_WEBSITE = 'DATABASE_WEBSITE',
  /** With the form's "please specify" text in projectTypeOther. */
  OTHER = 'OTHER',
}
registerEnumType(ProjectType, { name: 'ProjectType' });

registerEnumType(ProjectStatus, { name: 'ProjectStatus' });

export enum EconomyRole {
  PROPOSING = 'PROPOSING',
  CO_SPONSORING = 'CO_SPONSORING',
}

export { ProjectStatus };

import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { FundingAccount, ProjectType } from '../projects/project.enums';
import { FormAnswer, ProgressReportStatus, ReportForm } from './progress-report.rules';
import { DocumentSymbolField, DocumentText } from '@tel/documents';

registerEnumType(ProgressReportStatus, { name: 'ProgressReportStatus' });
registerEnumType(FormAnswer, { name: 'FormAnswer', description: 'YES / NO / NOT_APPLICABLE; UNKNOWN where the source lost the answer.' });

export enum OverseerSex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(OverseerSex, { name: 'OverseerSex', description: 'The form\'s "(M/F)" beside the overseer.' });

/**
 * A progress report as the overseer fills in the form: its header repeats the project's details
 * as the overseer states them (they may differ from the register — that is worth seeing), then
 * status, objectives, linkages, gender considerations and progress since the last report.
 *
 * One report per project and reporting period; a period is the TEL meeting the report is due for
 * (`meetingId`), the meeting where steering groups review their projects.
 */
@ObjectType()
@Entity('progress_report')
@Index(['projectId', 'meetingId'], { unique: true })
@Index(['status'])
export class ProgressReport extends BaseEntity implements ReportForm {
  @Column({ type: 'varchar', length: 36 })
  projectId: string;

  @ManyToOne('Project', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  private projectRef?: unknown;

  /** The reporting period: the TEL meeting the report is due for. */
  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @Field(() => ProgressReportStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ProgressReportStatus;

  @Field(() => Int, { description: "Raised by every change; pass it back as expectedVersion to update without overwriting someone else's edit." })
  @Column({ type: 'integer', default: 0 })
  version: number;

  // ---- the form's header, as stated by the overseer ------------------------------------------

  @Field(() => FundingAccount, { nullable: true, description: 'The account ticked on the form.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  fundingAccount: FundingAccount | null;

  @DocumentText(() => String, { nullable: true, description: 'As written on the form (often blank).' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  projectNumber: string | null;

  @DocumentText(() => String, { nullable: true, description: 'Name of committee / working group.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  committeeName: string | null;

  @DocumentText(() => String, { nullable: true, description: 'Title of project as written on the form.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  projectTitle: string | null;

  @Column({ type: 'simple-json' })
  proposingEconomyCodes: string[];

  @Column({ type: 'simple-json' })
  coSponsoringEconomyCodes: string[];

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  overseerName: string | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  overseerTitle: string | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  overseerOrganization: string | null;

  @Field(() => OverseerSex, { nullable: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  overseerSex: OverseerSex | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  overseerPostalAddress: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  overseerPhone: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  overseerFax: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  overseerEmail: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  totalCostAmount: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  totalCostQualifier: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  apecFundingAmount: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  apecFundingQualifier: string | null;

  @Field(() => ProjectType, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  projectType: ProjectType | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  projectTypeOther: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate: string | null;

  @DocumentText(() => String, { nullable: true, description: 'Brief description: purpose and principal activities.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  // ---- status, progress and problems ---------------------------------------------------------

  @Field(() => FormAnswer, { nullable: true, description: 'Current status: on schedule? Null until answered.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  onSchedule: FormAnswer | null;

  @Field(() => FormAnswer, { nullable: true, description: 'Current status: within budget?' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  withinBudget: FormAnswer | null;

  @DocumentText(() => String, { nullable: true, description: 'Objectives: results so far against the expected results.' })
  @Column({ type: 'text', nullable: true })
  objectivesResults: string | null;

  @DocumentText(() => String, { nullable: true, description: 'Linkages, methodology, budget: problems and how they were resolved; changes in schedule, budget or participation.' })
  @Column({ type: 'text', nullable: true })
  linkagesMethodologyBudget: string | null;

  @DocumentText(() => String, { nullable: true, description: 'Gender: the impact of the project on women to date.' })
  @Column({ type: 'text', nullable: true })
  genderImpactOnWomen: string | null;

  @DocumentText(() => String, { nullable: true, description: 'Gender: how women were consulted on the delivery of the project.' })
  @Column({ type: 'text', nullable: true })
  genderWomenConsulted: string | null;

  @DocumentText(() => String, { nullable: true, description: 'Gender: sex-disaggregated data collected and used.' })
  @Column({ type: 'text', nullable: true })
  genderSexDisaggregatedData: string | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  progressSinceLastReport: string | null;

  // ---- signatures and dates ------------------------------------------------------------------

  @DocumentText(() => String, { nullable: true, description: 'Who signed for the overseer (the form accepts a separate written confirmation for e-mail submissions).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  overseerSignatureName: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  overseerSignatureDate: string | null;

  @Field(() => String, { nullable: true, description: 'Stamped by the Secretariat when it receives the report (YYYY-MM-DD).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateReceivedBySecretariat: string | null;

  // ---- handling ------------------------------------------------------------------------------

  @DocumentText(() => String, { nullable: true, description: 'Why the Secretariat returned the report; set while it is back in draft.' })
  @Column({ type: 'text', nullable: true })
  returnComment: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  tabledAtMeetingId: string | null;

  @ManyToOne('Meeting', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tabledAtMeetingId' })
  private tabledAtMeetingRef?: unknown;

  @DocumentSymbolField({ description: 'Its symbol as a meeting document, when tabled and registered (e.g. 2008-TELWG37-SPSG-010).' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  documentSymbol: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  documentId: string | null;

  @ManyToOne('Document', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'documentId' })
  private documentRef?: unknown;

  @Field(() => String, { nullable: true, description: 'When an approval chain endorsed the report (YYYY-MM-DD).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endorsedOn: string | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  source: string | null;
}

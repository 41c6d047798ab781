import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PartyRefInput } from '@tel/meetings';
import { DocumentAccess, DocumentPurpose, DocumentStatus, DocumentType } from './document.enums';

@InputType()
export class DocumentFilter {
  @Field(() => String, { nullable: true, description: 'e.g. TEL37' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  meetingCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The group the document belongs to, e.g. SPSG (its workshop papers too).' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  groupCode?: string | null;

  @Field(() => DocumentType, { nullable: true })
  @IsOptional()
  type?: DocumentType | null;

  @Field(() => PartyRefInput, { nullable: true, description: 'An economy or an organization.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyRefInput)
  submittedBy?: PartyRefInput | null;

  @Field(() => ID, { nullable: true, description: 'Documents linked to this agenda item.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  agendaItem?: string | null;

  @Field(() => DocumentAccess, { nullable: true })
  @IsOptional()
  access?: DocumentAccess | null;

  @Field(() => DocumentStatus, { nullable: true })
  @IsOptional()
  status?: DocumentStatus | null;
}

/**
 * Register a document. Either give `meetingCode` and a `groupCode` and/or `code` and get the next
 * free number, or give the full `symbol` (imports of older papers; the numbering moves past it).
 */
@InputType()
export class RegisterDocumentInput {
  @Field(() => String, { nullable: true, description: 'e.g. TEL37; optional with `symbol` (taken from it).' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  meetingCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The group it belongs to, e.g. SPSG.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  groupCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The group or session code of the symbol, e.g. PTAB-WS; defaults to the group code.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Register under this exact symbol, e.g. 2008-TELWG37-SPSG-006 [Rev.2].' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  symbol?: string | null;

  @Field(() => Int, { nullable: true, description: "The symbol's year; defaults to the year the meeting starts." })
  @IsOptional()
  @IsInt()
  @Min(1989)
  @Max(2100)
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of its first revision (default: the one in `symbol`, else 0).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(999)
  revision?: number | null;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @Field(() => DocumentType)
  type: DocumentType;

  @Field(() => DocumentPurpose)
  purpose: DocumentPurpose;

  @Field(() => DocumentAccess, { description: 'Required: say explicitly whether the public may read it.' })
  access: DocumentAccess;

  @Field(() => String, { nullable: true, defaultValue: 'en', description: 'BCP 47 tag, e.g. en, zh-Hant.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  language?: string | null;

  @Field(() => PartyRefInput, { nullable: true, description: 'The economy or organization that submits it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyRefInput)
  submittedBy?: PartyRefInput | null;

  @Field(() => ID, { nullable: true, description: 'A session of the same meeting.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  sessionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An agenda item of the same meeting.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  agendaItemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Note on the first revision.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class AddRevisionInput {
  @Field({ description: 'The document; a symbol with [Rev.N] names the new revision.' })
  @IsString()
  @MaxLength(200)
  symbol: string;

  @Field(() => Int, { nullable: true, description: 'Default: one more than the latest. Numbers may skip but never go back.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(999)
  number?: number | null;

  @Field(() => String, { nullable: true, description: 'What changed.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class WithdrawDocumentInput {
  @Field()
  @IsString()
  @MaxLength(200)
  symbol: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'The document that replaces it: the status becomes SUPERSEDED.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  supersededBy?: string | null;
}

/** Links a document to a session and/or an agenda item of its meeting; null removes a link, leaving it out keeps it. */
@InputType()
export class LinkDocumentInput {
  @Field()
  @IsString()
  @MaxLength(200)
  symbol: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  sessionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  agendaItemId?: string | null;
}

/** Every field given replaces the stored value; `submittedBy: null` clears it. */
@InputType()
export class UpdateDocumentInput {
  @Field()
  @IsString()
  @MaxLength(200)
  symbol: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title?: string | null;

  @Field(() => DocumentType, { nullable: true })
  @IsOptional()
  type?: DocumentType | null;

  @Field(() => DocumentPurpose, { nullable: true })
  @IsOptional()
  purpose?: DocumentPurpose | null;

  @Field(() => DocumentAccess, { nullable: true })
  @IsOptional()
  access?: DocumentAccess | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'The group it belongs to; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  groupCode?: string | null;

  @Field(() => PartyRefInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyRefInput)
  submittedBy?: PartyRefInput | null;
}

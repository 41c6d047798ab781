import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo } from '@tel/core';
import { Document, DocumentFile } from '@tel/documents';
import { FileIndexState } from './file-index-entry.entity';

@InputType()
export class SearchDocumentsFilter {
  @Field(() => [String], { nullable: true, description: 'e.g. ["TEL37"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  meetingCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Group or session codes, e.g. ["SPSG", "PTAB-WS"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  groupCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Economy codes of the submitter, e.g. ["CT"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  economies?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Document types, e.g. ["REPORT"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  types?: string[] | null;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  years?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'zh, ja, ko, en or other' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  languages?: string[] | null;
}

@ObjectType()
export class DocumentSearchHit {
  @Field(() => Document)
  document: Document;

  @Field(() => Int, { description: 'The revision number the hit is in (0 = the original).' })
  revision: number;

  @Field(() => DocumentFile, { nullable: true })
  file: DocumentFile | null;

  @Field(() => Int, { nullable: true, description: 'The page (of a PDF, or slide) where the words were found: the one with the most, and closest, matches.' })
  page: number | null;

  @Field(() => String, { nullable: true, description: 'The heading or sheet the words sit under (DOCX, HTML, XLSX); "Recognised text (OCR)" for a scanned page.' })
  section: string | null;

  @Field({ description: 'HTML: the matched words in <mark>…</mark>, everything else escaped.' })
  snippet: string;

  @Field(() => Float, { description: 'Higher is better; comparable only within one result.' })
  score: number;

  @Field({ description: 'True when the query named this document by its symbol.' })
  symbolMatch: boolean;
}

@ObjectType()
export class FacetValue {
  @Field()
  value: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class SearchFacetCounts {
  @Field(() => [FacetValue])
  meetings: FacetValue[];

  @Field(() => [FacetValue])
  groups: FacetValue[];

  @Field(() => [FacetValue])
  types: FacetValue[];

  @Field(() => [FacetValue])
  economies: FacetValue[];

  @Field(() => [FacetValue])
  years: FacetValue[];
}

export enum SearchOrder {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
}
registerEnumType(SearchOrder, {
  name: 'SearchOrder',
  description: 'How the hits of searchDocuments are ordered.',
  valuesMap: { RELEVANCE: { description: 'Best match first (the query had words).' }, NEWEST: { description: 'Newest documents first (the query was empty).' } },
});

@ObjectType()
export class DocumentSearchResult {
  @Field(() => Int, { description: 'Documents that match (each counts once, however many pages match). An estimate when totalCountIsEstimate is true.' })
  totalCount: number;

  @Field({
    description:
      'True when totalCount and the facet counts are estimated (a very large result, e.g. a word on most pages: "about 65,000"); the hits and their order are exact all the same. Like Meilisearch\'s estimatedTotalHits.',
  })
  totalCountIsEstimate: boolean;

  @Field(() => [DocumentSearchHit])
  nodes: DocumentSearchHit[];

  @Field(() => SearchFacetCounts)
  facets: SearchFacetCounts;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => SearchOrder, { description: 'RELEVANCE for a query; NEWEST when the query was empty and the hits are the newest documents.' })
  orderedBy: SearchOrder;
}

@ObjectType()
export class IndexStateCount {
  @Field(() => FileIndexState)
  state: FileIndexState;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class IndexStatus {
  @Field(() => [IndexStateCount], { description: 'Files per indexing state.' })
  files: IndexStateCount[];

  @Field({ description: 'sqlite or meilisearch' })
  engine: string;

  @Field(() => Int, { description: 'Chunks (pages or sections) in the index.' })
  chunks: number;

  @Field({ description: 'bullmq (Redis and apps/worker) or inline.' })
  queue: string;

  @Field(() => Int, { description: 'Jobs committed but not yet handed to the queue (e.g. while Redis is away).' })
  outboxPending: number;

  @Field(() => String, { nullable: true, description: 'Why the queue could not be asked, if it could not.' })
  queueError: string | null;
}

export { DocumentFile };

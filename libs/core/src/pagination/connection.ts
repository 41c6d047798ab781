import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { AppError } from '../errors/app-error';

export const DEFAULT_PAGE_SIZE = 20;
/** The hard ceiling; MAX_PAGE_SIZE may lower it, never raise it above 1000. */
export let MAX_PAGE_SIZE = 100;
export function setMaxPageSize(value: number): void {
  MAX_PAGE_SIZE = value;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return (default ${DEFAULT_PAGE_SIZE}, at most the server's page-size maximum).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Validates `first`/`after` and turns them into an offset window. */
export function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw AppError.badInput('PAGE_SIZE_OUT_OF_RANGE', 'first must be zero or a positive whole number');
  if (first > MAX_PAGE_SIZE) {
    throw AppError.badInput('PAGE_SIZE_OUT_OF_RANGE', `first may be at most ${MAX_PAGE_SIZE}`, { maxPageSize: MAX_PAGE_SIZE });
  }
  let offset = 0;
  if (args.after) {
    const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
    const match = /^o:(\d{1,9})$/.exec(decoded);
    if (!match) throw AppError.badInput('CURSOR_INVALID', 'after is not a cursor this server gave out');
    offset = Number(match[1]) + 1;
  }
  return { offset, limit: first };
}

export function toPage<T>(nodes: T[], totalCount: number, window: PageWindow): Page<T> {
  const last = window.offset + nodes.length - 1;
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: window.offset + nodes.length < totalCount,
      endCursor: nodes.length ? encodeCursor(last) : null,
    },
  };
}

/** Makes the `{ nodes, totalCount, pageInfo }` type for a node type. */
export function Connection<T>(node: Type<T>, name = `${node.name}Connection`) {
  @ObjectType(name, { isAbstract: false })
  class ConnectionType implements Page<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => Int)
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

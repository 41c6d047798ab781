import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  IntrospectionQuery,
} from 'graphql';
import type { GqlResponse } from './test-app';

/**
 * Walks a GraphQL schema the way a curious caller would: introspects it, then asks every root query
 * field it can fill the arguments of, and every field reachable from there down to a bounded depth,
 * and hands back every string in every answer (data and error messages alike). Leak tests search
 * those strings for things the caller must not see.
 *
 * The walk is generic on purpose: a field added later is walked without anyone remembering to
 * add it to a test.
 */

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse>;

/** What earlier answers revealed, for filling required arguments of later queries. */
export interface Known {
  /** Ids seen per __typename. */
  ids: Map<string, Set<string>>;
  /** Objects seen per __typename, as their scalar fields plus `child.code`/`child.symbol` of direct children. */
  records: Map<string, Record<string, unknown>[]>;
}

/** One set of argument values for a root field; `label` shows in reports. */
export type ArgSet = Record<string, unknown>;

export interface WalkOptions {
  gql: Gql;
  /** Object levels below the root to select (default 5). */
  maxDepth?: number;
  /** `first` on every field that pages (default 100). */
  pageSize?: number;
  /** Query text beyond this many tokens is split into several queries (default 2000). */
  maxTokens?: number;
  /** How often one type may occur on a path from the root (default 2: Document.supersededBy is walked once). */
  maxTypeRepeats?: number;
  /**
   * Argument sets for a root field that takes arguments, given what earlier answers revealed
   * (return [] to leave it out). Root fields without required arguments are also asked once with
   * no arguments at all.
   */
  fill(field: GraphQLField<unknown, unknown>, known: Known): ArgSet[];
  /** Root fields to leave out entirely, with the reason (reported back). */
  skip?: Record<string, string>;
}

export interface CollectedString {
  /** e.g. `projects.nodes.documents.documentSymbol`, or `error:document` for an error message. */
  path: string;
  value: string;
}

export interface WalkResult {
  schema: GraphQLSchema;
  strings: CollectedString[];
  /** `Type.field` for every field that came back in some answer (null included). */
  visited: Set<string>;
  /** Root fields asked, with how many argument sets. */
  roots: Map<string, number>;
  /** Root fields not asked, with why. */
  notWalked: Map<string, string>;
  queries: number;
  /** Error codes seen, by root field (NOT_FOUND, UNAUTHENTICATED, …). */
  errorCodes: Map<string, Set<string>>;
}

interface SelectionNode {
  /** `name`, or `alias: name(args)`; children make it an object selection. */
  head: string;
  /** The type the selection is on (for `visited`), when it is an object field. */
  children?: SelectionNode[];
}

const PAGE_ARGS = new Set(['first']);

export async function walkSchema(opts: WalkOptions): Promise<WalkResult> {
  const maxDepth = opts.maxDepth ?? 5;
  const pageSize = opts.pageSize ?? 100;
  const maxTokens = opts.maxTokens ?? 2000;
  const maxRepeats = opts.maxTypeRepeats ?? 2;

  const intro = await opts.gql(getIntrospectionQuery());
  if (intro.errors?.length || !intro.data) throw new Error(`introspection failed: ${JSON.stringify(intro.errors)}`);
  const schema = buildClientSchema(intro.data as IntrospectionQuery);
  const queryType = schema.getQueryType();
  if (!queryType) throw new Error('the schema has no Query type');

  const result: WalkResult = { schema, strings: [], visited: new Set(), roots: new Map(), notWalked: new Map(), queries: 1, errorCodes: new Map() };
  const known: Known = { ids: new Map(), records: new Map() };

  /** Selections of an object, interface or union type, `depth` levels below the root. */
  function selectionsOf(type: GraphQLNamedType, depth: number, path: string[]): SelectionNode[] {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = schema.getPossibleTypes(type);
      const nodes: SelectionNode[] = [{ head: '__typename' }];
      for (const p of possible) {
        const inner = selectionsOf(p, depth, path);
        if (inner.length) nodes.push({ head: `... on ${p.name}`, children: inner });
      }
      return nodes;
    }
    if (!isObjectType(type)) return [];
    const nodes: SelectionNode[] = [{ head: '__typename' }];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const args = nestedArgs(field.args);
      if (args === null) continue; // a nested field with a required argument we cannot invent
      if (isScalarType(named) || isEnumType(named)) {
        nodes.push({ head: `${field.name}${args}` });
        continue;
      }
      if (depth >= maxDepth) continue;
      if (path.filter((t) => t === named.name).length >= maxRepeats) continue;
      const children = selectionsOf(named, depth + 1, [...path, named.name]);
      if (children.length) nodes.push({ head: `${field.name}${args}`, children });
      // Boolean switches that widen a list (officeHolders(history: true)) are walked both ways.
      const widened = widenedArgs(field.args);
      if (widened && children.length) nodes.push({ head: `${field.name}__wide: ${field.name}${widened}`, children });
    }
    return nodes;
  }

  function nestedArgs(args: readonly GraphQLArgument[]): string | null {
    const parts: string[] = [];
    for (const a of args) {
      if (PAGE_ARGS.has(a.name) && getNamedType(a.type).name === 'Int') parts.push(`${a.name}: ${pageSize}`);
      else if (isNonNullType(a.type) && a.defaultValue === undefined) return null;
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  function widenedArgs(args: readonly GraphQLArgument[]): string | null {
    const flags = args.filter((a) => getNamedType(a.type).name === 'Boolean' && !isListType(a.type));
    if (!flags.length) return null;
    const parts = args.filter((a) => PAGE_ARGS.has(a.name)).map((a) => `${a.name}: ${pageSize}`);
    for (const f of flags) parts.push(`${f.name}: ${f.defaultValue === true ? 'false' : 'true'}`);
    return `(${parts.join(', ')})`;
  }

  const tokens = (n: SelectionNode): number => 1 + (n.children ? 2 + n.children.reduce((s, c) => s + tokens(c), 0) : 0);
  const render = (n: SelectionNode): string => (n.children ? `${n.head} { ${n.children.map(render).join(' ')} }` : n.head);

  /**
   * Asks for one selection under `prefix`; a selection over the token budget, or one the server
   * refuses as too costly, is split along the tree: its scalar fields in one query, each object
   * field in its own.
   */
  async function ask(field: GraphQLField<unknown, unknown>, prefix: string[], node: SelectionNode, vars: ArgSet): Promise<void> {
    const wrap = (inner: string) => prefix.reduceRight((acc, head) => `${head} { __typename ${acc} }`, inner);
    const children = node.children ?? [];
    const objects = children.filter((c) => c.children);
    const leaves = children.filter((c) => !c.children);
    const split = async () => {
      if (!objects.length) {
        // Only scalar fields, and still too costly this deep: halve them.
        const half = Math.ceil(leaves.length / 2);
        for (const part of [leaves.slice(0, half), leaves.slice(half)]) await ask(field, prefix, { head: node.head, children: part }, vars);
        return;
      }
      if (leaves.length) await ask(field, prefix, { head: node.head, children: leaves }, vars);
      for (const child of objects) await ask(field, [...prefix, node.head], child, vars);
    };
    const splittable = objects.length > 0 || leaves.length > 1;
    if (objects.length && tokens(node) > maxTokens) return split();
    const refused = await send(field, wrap(render(node)), vars, splittable);
    if (refused) await split();
  }

  /** Sends one query and collects its answer; true when the server refused it as too large and it may be split. */
  async function send(field: GraphQLField<unknown, unknown>, query: string, variables: ArgSet, maySplit: boolean): Promise<boolean> {
    const rootName = field.name;
    result.queries++;
    const refusedBy = (r: GqlResponse) => (r.errors ?? []).find((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || e.extensions?.code === 'GRAPHQL_PARSE_FAILED');
    let res = await opts.gql(`query Walk${varDecls(field, variables)} { ${query} }`, variables);
    let refusal = refusedBy(res);
    if (refusal && maySplit && /cost|depth|token/i.test(refusal.message)) return true;
    // Nothing left to split: the cost is the product of nested page sizes, so ask for smaller pages
    // along this one path (its rows are reached in full along shorter paths).
    for (const smaller of [20, 5, 1]) {
      if (!refusal || !/cost/i.test(refusal.message)) break;
      result.queries++;
      res = await opts.gql(`query Walk${varDecls(field, variables)} { ${query.replace(/first: (\d+)/g, (m, n) => `first: ${Math.min(Number(n), smaller)}`)} }`, variables);
      refusal = refusedBy(res);
    }
    if (refusal) throw new Error(`the walker built a query the server refused (${refusal.message}): ${query.slice(0, 300)}…`);
    for (const e of res.errors ?? []) {
      result.strings.push({ path: `error:${rootName}`, value: e.message });
      const codes = result.errorCodes.get(rootName) ?? new Set<string>();
      codes.add(String(e.extensions?.code ?? 'NONE'));
      result.errorCodes.set(rootName, codes);
    }
    if (res.data) collect(res.data, '', null);
    return false;
  }

  /** Collects strings, visited fields and what the answer reveals about ids and codes. */
  function collect(value: unknown, path: string, parentType: string | null): void {
    if (typeof value === 'string') {
      result.strings.push({ path, value });
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) collect(v, path, parentType);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    const typename = typeof obj.__typename === 'string' ? obj.__typename : null;
    const record: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(obj)) {
      const field = key.endsWith('__wide') ? key.slice(0, -'__wide'.length) : key;
      if (typename && field !== '__typename') result.visited.add(`${typename}.${field}`);
      if (typename && field === '__typename') continue;
      if (v === null || typeof v !== 'object') record[field] = v;
      else if (!Array.isArray(v)) {
        const child = v as Record<string, unknown>;
        for (const k of ['code', 'symbol', 'id', 'number']) if (typeof child[k] === 'string') record[`${field}.${k}`] = child[k];
      }
      collect(v, path ? `${path}.${field}` : field, typename);
    }
    if (typename) {
      if (typeof obj.id === 'string') {
        const ids = known.ids.get(typename) ?? new Set<string>();
        ids.add(obj.id);
        known.ids.set(typename, ids);
      }
      const list = known.records.get(typename) ?? [];
      list.push(record);
      known.records.set(typename, list);
    }
  }

  async function walkRoot(field: GraphQLField<unknown, unknown>, argSets: ArgSet[]): Promise<void> {
    const named = getNamedType(field.type);
    result.roots.set(field.name, (result.roots.get(field.name) ?? 0) + argSets.length);
    for (const args of argSets) {
      const argText = rootArgs(field, args);
      const head = `${field.name}${argText}`;
      if (isScalarType(named) || isEnumType(named)) {
        await send(field, head, args, false);
        continue;
      }
      const node: SelectionNode = { head, children: selectionsOf(named, 1, [named.name]) };
      // Root connections are paged to the end, not only their first page.
      const pages = isConnection(named) && field.args.some((a) => a.name === 'after');
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const vars = pages && after ? { ...args, after } : args;
        const headNow = `${field.name}${rootArgs(field, vars)}`;
        await ask(field, [], { ...node, head: headNow }, vars);
        if (!pages) break;
        result.queries++;
        const info = await opts.gql(`query Page${varDecls(field, vars)} { ${headNow} { pageInfo { hasNextPage endCursor } } }`, vars);
        const pageInfo = (info.data as any)?.[field.name]?.pageInfo;
        if (!pageInfo?.hasNextPage) break;
        after = pageInfo.endCursor;
      }
    }
  }

  /** `(a: $a, first: 100)`: arguments go as variables, so any value is sent exactly. */
  function rootArgs(field: GraphQLField<unknown, unknown>, args: ArgSet): string {
    const parts: string[] = [];
    for (const a of field.args) {
      if (a.name in args) parts.push(`${a.name}: $${a.name}`);
      else if (PAGE_ARGS.has(a.name)) parts.push(`${a.name}: ${pageSize}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  function varDecls(field: GraphQLField<unknown, unknown>, vars: ArgSet): string {
    const decls = Object.keys(vars).map((k) => `$${k}: ${field.args.find((a) => a.name === k)!.type.toString()}`);
    return decls.length ? `(${decls.join(', ')})` : '';
  }

  const rootFields = Object.values(queryType.getFields());
  const needsArgs = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  // First the fields that need nothing (they reveal ids and codes), then those that need what they revealed.
  for (const pass of [false, true]) {
    for (const field of rootFields) {
      if (needsArgs(field) !== pass) continue;
      if (opts.skip?.[field.name]) {
        result.notWalked.set(field.name, opts.skip[field.name]);
        continue;
      }
      const filled = opts.fill(field, known);
      const argSets = pass ? filled : [{}, ...filled];
      if (!argSets.length) {
        result.notWalked.set(field.name, 'no argument values to fill its required arguments');
        continue;
      }
      for (const a of argSets.flatMap((s) => Object.keys(s))) {
        const arg = field.args.find((x) => x.name === a);
        if (!arg) throw new Error(`fill gave ${field.name} an argument it does not take: ${a}`);
        if (isInputObjectType(getNamedType(arg.type)) && typeof (argSets.find((s) => a in s) as any)[a] !== 'object') {
          throw new Error(`fill gave ${field.name}.${a} a non-object for an input type`);
        }
      }
      await walkRoot(field, argSets);
    }
  }
  return result;
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'nodes' in type.getFields() && 'pageInfo' in type.getFields();
}

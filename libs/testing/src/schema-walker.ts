import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
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

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse<unknown>>;

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
  /** `first` on root lists, which are paged to the end (default 20). */
  pageSize?: number;
  /**
   * `first` on nested lists (default 10; only their first page is read — the server's cost limit
   * multiplies nested page sizes, and the rows are reached in full from the root lists).
   */
  nestedPageSize?: number;
  /** Query text beyond this many tokens is split into several queries (default 2000). */
  maxTokens?: number;
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
  const pageSize = opts.pageSize ?? 20;
  const nestedPageSize = opts.nestedPageSize ?? 10;
  const maxTokens = opts.maxTokens ?? 2000;

  const intro = await opts.gql(getIntrospectionQuery());
  if (intro.errors?.length || !intro.data) throw new Error(`introspection failed: ${JSON.stringify(intro.errors)}`);
  const schema = buildClientSchema(intro.data as IntrospectionQuery);
  const queryType = schema.getQueryType();
  if (!queryType) throw new Error('the schema has no Query type');

  const result: WalkResult = { schema, strings: [], visited: new Set(), roots: new Map(), notWalked: new Map(), queries: 1, errorCodes: new Map() };
  const known: Known = { ids: new Map(), records: new Map() };

  /**
   * The selection tree of a root field, built breadth first: each type is expanded once per root,
   * where the walk first meets it (nearest the root); everywhere else it shows its scalar fields
   * only. Every object is still reached in full from some root (lists, by id), every place that
   * names one still shows its strings, and the tree stays finite and small.
   */
  function treeOf(rootType: GraphQLNamedType): SelectionNode[] {
    const expanded = new Set<string>([rootType.name]);
    const queue: { type: GraphQLNamedType; depth: number; into: SelectionNode[] }[] = [];
    const root: SelectionNode[] = [];
    expand(rootType, 1, root);
    while (queue.length) {
      const next = queue.shift()!;
      expand(next.type, next.depth, next.into);
    }
    return root;

    function expand(type: GraphQLNamedType, depth: number, into: SelectionNode[]): void {
      into.push({ head: '__typename' });
      if (isUnionType(type) || isInterfaceType(type)) {
        for (const p of schema.getPossibleTypes(type)) {
          const inner: SelectionNode[] = [];
          into.push({ head: `... on ${p.name}`, children: inner });
          if (expanded.has(p.name)) scalarsOf(p, inner);
          else {
            expanded.add(p.name);
            expand(p, depth, inner);
          }
        }
        return;
      }
      if (!isObjectType(type)) return;
      // Lists first: where a type is first met decides which of its rows the walk sees in full, and
      // a list (steps) holds more of them than a single link (awaitingStep).
      const fields = Object.values(type.getFields()).sort((a, b) => Number(!isListLike(a.type)) - Number(!isListLike(b.type)));
      for (const field of fields) {
        const named = getNamedType(field.type);
        const args = nestedArgs(field.args);
        if (args === null) continue; // a nested field with a required argument we cannot invent
        if (isScalarType(named) || isEnumType(named)) {
          into.push({ head: `${field.name}${args}` });
          continue;
        }
        if (depth >= maxDepth) continue;
        const children: SelectionNode[] = [];
        into.push({ head: `${field.name}${args}`, children });
        // Boolean switches that widen a list (officeHolders(history: true)) are walked both ways.
        const widened = widenedArgs(field.args);
        if (widened) into.push({ head: `${field.name}__wide: ${field.name}${widened}`, children });
        if (expanded.has(named.name)) scalarsOf(named, children);
        else {
          expanded.add(named.name);
          queue.push({ type: named, depth: depth + 1, into: children });
        }
      }
    }

    function scalarsOf(type: GraphQLNamedType, into: SelectionNode[]): void {
      into.push({ head: '__typename' });
      if (isUnionType(type) || isInterfaceType(type)) {
        for (const p of schema.getPossibleTypes(type)) {
          const inner: SelectionNode[] = [];
          scalarsOf(p, inner);
          into.push({ head: `... on ${p.name}`, children: inner });
        }
        return;
      }
      if (!isObjectType(type)) return;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const args = nestedArgs(field.args);
        if (args !== null && (isScalarType(named) || isEnumType(named))) into.push({ head: `${field.name}${args}` });
      }
    }
  }

  function nestedArgs(args: readonly GraphQLArgument[]): string | null {
    const parts: string[] = [];
    for (const a of args) {
      if (PAGE_ARGS.has(a.name) && getNamedType(a.type).name === 'Int') parts.push(`${a.name}: ${nestedPageSize}`);
      else if (isNonNullType(a.type) && a.defaultValue === undefined) return null;
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  function widenedArgs(args: readonly GraphQLArgument[]): string | null {
    const flags = args.filter((a) => getNamedType(a.type).name === 'Boolean' && !isListType(a.type));
    if (!flags.length) return null;
    const parts = args.filter((a) => PAGE_ARGS.has(a.name)).map((a) => `${a.name}: ${nestedPageSize}`);
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
    const refusedBy = (r: GqlResponse<unknown>) =>
      (r.errors ?? []).find((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || e.extensions?.code === 'GRAPHQL_PARSE_FAILED');
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
    if (res.data) collect(res.data, '');
    return false;
  }

  /** Collects strings, visited fields and what the answer reveals about ids and codes. */
  function collect(value: unknown, path: string): void {
    if (typeof value === 'string') {
      result.strings.push({ path, value });
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) collect(v, path);
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
      collect(v, path ? `${path}.${field}` : field);
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
      const node: SelectionNode = { head, children: treeOf(named) };
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
        const pageInfo = (info.data as Record<string, { pageInfo?: { hasNextPage: boolean; endCursor: string | null } } | null> | null)?.[field.name]?.pageInfo;
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
      for (const a of argSets.flatMap((set) => Object.keys(set))) {
        if (!field.args.some((x) => x.name === a)) throw new Error(`fill gave ${field.name} an argument it does not take: ${a}`);
      }
      const started = Date.now();
      const before = result.queries;
      await walkRoot(field, argSets);
      if (process.env.WALK_DEBUG) console.log(`[walk] ${field.name}: ${argSets.length} argument set(s), ${result.queries - before} queries, ${Date.now() - started} ms`);
    }
  }
  return result;
}

/** At most `n` of `xs`, spread evenly (first and last included). */
export function spread<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))]);
}

/** A list, or a connection (a page of a list). */
function isListLike(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) || isConnection(getNamedType(inner));
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'nodes' in type.getFields() && 'pageInfo' in type.getFields();
}

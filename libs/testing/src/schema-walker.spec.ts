import { buildSchema, graphql } from 'graphql';
import { Gql, walkSchema } from './schema-walker';

/** A small schema with the shapes the real one has: a paged root list, a by-id root, a self link, a nested list. */
const schema = buildSchema(`
  type Query { items(first: Int, after: String): ItemConnection!  item(id: ID!): Item!  count: Int! }
  type ItemConnection { nodes: [Item!]!  totalCount: Int!  pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean!  endCursor: String }
  type Item { id: ID!  name: String!  parent: Item  notes(first: Int): [Note!]!  history(all: Boolean = false): [Note!]! }
  type Note { text: String!  onlyById: String }
`);

const items = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}`, name: `item ${i}` }));
const resolvers = {
  items: ({ first, after }: { first: number; after?: string }) => {
    const from = after ? Number(after) : 0;
    const nodes = items.slice(from, from + first).map((i) => item(i));
    return { nodes, totalCount: items.length, pageInfo: { hasNextPage: from + first < items.length, endCursor: String(from + first) } };
  },
  item: ({ id }: { id: string }) =>
    item(
      items.find((i) => i.id === id)!,
      true,
    ),
  count: () => items.length,
};
function item(i: { id: string; name: string }, byId = false): unknown {
  return {
    ...i,
    parent: () => (i.id === 'i0' ? null : item(items[0])),
    notes: () => [{ text: `note of ${i.id}`, onlyById: byId ? `deep secret of ${i.id}` : null }],
    history: ({ all }: { all: boolean }) => (all ? [{ text: `old note of ${i.id}` }] : []),
  };
}

function executor(log: string[]): Gql {
  return async (query, variables) => {
    log.push(query);
    const res = await graphql({ schema, source: query, rootValue: resolvers, variableValues: variables });
    return { status: 200, data: res.data, errors: res.errors?.map((e) => ({ message: e.message, extensions: e.extensions })), headers: new Headers() };
  };
}

describe('walkSchema', () => {
  const fill = (field: { name: string }, known: { ids: Map<string, Set<string>> }) => (field.name === 'item' ? [...(known.ids.get('Item') ?? [])].map((id) => ({ id })) : []);

  it('pages root lists to the end, fills ids it has seen, follows self links and widening switches', async () => {
    const log: string[] = [];
    const result = await walkSchema({ gql: executor(log), fill, pageSize: 3 });
    const values = result.strings.map((s) => s.value);
    for (const i of items) {
      expect(values).toContain(`note of ${i.id}`);
      expect(values).toContain(`deep secret of ${i.id}`); // only item(id) gives it: the ids came from the list
      expect(values).toContain(`old note of ${i.id}`); // history(all: true)
    }
    for (const f of ['Item.parent', 'Item.notes', 'Item.history', 'Note.onlyById', 'ItemConnection.totalCount']) expect(result.visited).toContain(f);
    expect([...result.roots.keys()].sort()).toEqual(['count', 'item', 'items']);
    expect(result.notWalked.size).toBe(0);
  });

  it('splits a query over the token budget and still sees every string', async () => {
    const whole = await walkSchema({ gql: executor([]), fill, pageSize: 3 });
    const log: string[] = [];
    const split = await walkSchema({ gql: executor(log), fill, pageSize: 3, maxTokens: 8 });
    expect(split.queries).toBeGreaterThan(whole.queries);
    expect(new Set(split.strings.map((s) => s.value))).toEqual(new Set(whole.strings.map((s) => s.value)));
  });

  it('reports a root it cannot fill instead of leaving it out silently', async () => {
    const result = await walkSchema({ gql: executor([]), fill: () => [] });
    expect(result.notWalked.get('item')).toMatch(/no argument values/);
  });
});

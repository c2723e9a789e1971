import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';

let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
const statements: string[] = [];
beforeAll(async () => {
  gw = await createTestGateway();
  tree = await gw.seed.tree({ streets: 3, communitiesPerStreet: 4, gridsPerCommunity: 3, residentsPerCommunity: 2 });
  // Requests run on the request role's own pool.
  gw.gateway.requestOrm.em.getConnection().getKnex().on('query', (q: { sql: string }) => statements.push(q.sql));
});
afterAll(() => gw?.close());

/** The statements one request sent that read `table`. */
async function run(query: string, table: string) {
  statements.length = 0;
  const res = await gw.request(query, { d: toGlobalId('District', tree.district.id) });
  expect(res.errors).toBeUndefined();
  return { data: res.data, reads: statements.filter((s) => new RegExp(`\\bfrom "?${table}"?\\b`).test(s)) };
}

test('a nested connection asked only for totalCount fetches a count, no rows; the same totals as with rows', async () => {
  const counted = await run(`query($d: ID!) { node(id: $d) { ... on District { streets(first: 50) { totalCount __typename
    nodes { communities(first: 50) { ...C } } } } } } fragment C on CommunityConnection { totalCount }`, 'community');
  expect(counted.reads).toHaveLength(1);
  expect(counted.reads[0]).toMatch(/count\(\*\)/);
  expect(counted.reads[0]).not.toMatch(/t\.\*|over \(/);

  const withRows = await run(`query($d: ID!) { node(id: $d) { ... on District { streets(first: 50) { totalCount
    nodes { communities(first: 50) { totalCount nodes { id } } } } } } }`, 'community');
  expect(withRows.reads[0]).toMatch(/t\.\*/); // rows asked for: the page query
  const totals = (d: any) => d.node.streets.nodes.map((s: any) => s.communities.totalCount);
  expect(totals(counted.data)).toEqual([4, 4, 4]);
  expect(totals(withRows.data)).toEqual(totals(counted.data));
  expect(counted.data.node.streets.totalCount).toBe(3);
});

test('a top-level list asked only for totalCount selects no rows', async () => {
  const counted = await run(`query($d: ID!) { communities(filter: { within: $d }, first: 100) { totalCount } }`, 'community');
  expect(counted.data.communities.totalCount).toBe(12);
  expect(counted.reads).toHaveLength(1);
  expect(counted.reads[0]).toMatch(/count\(/);
  const withRows = await run(`query($d: ID!) { communities(filter: { within: $d }, first: 100) { totalCount nodes { id } } }`, 'community');
  expect(withRows.reads).toHaveLength(2);
  expect(withRows.data.communities.nodes).toHaveLength(12);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestGateway, installedPlugins, type TestGateway } from '@gongzhi/testing';

/**
 * The cost limit (default 50,000) charges what fields cost: a count is not a page, and a
 * page of tree nodes holds no more than exist in the caller's districts. Real dashboards
 * pass; asking for much, by pages, nesting or aliases, is still refused; the same over HTTP
 * and graphql-ws, as the platform admin and as district admins of a large and a small district.
 */
let gw: TestGateway;
let big: { districtId: string; streetId: string; token: string };
let small: { districtId: string; token: string };
beforeAll(async () => {
  gw = await createTestGateway({ plugins: installedPlugins(), config: { rateLimit: { perAccountPerMinute: 100_000, perIpPerMinute: 100_000 } } });
  // 天元区's shape: 4 streets/towns, 100 communities, 800 grids
  const tree = await gw.seed.tree({ streets: 4, communitiesPerStreet: 25, gridsPerCommunity: 8, residentsPerCommunity: 1 });
  const other = await gw.seed.tree({ streets: 1, communitiesPerStreet: 2, gridsPerCommunity: 1, residentsPerCommunity: 1 });
  const admin = (districtId: string) => gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId, scopeId: districtId });
  big = { districtId: tree.district.id, streetId: tree.streets[0].id, token: (await admin(tree.district.id)).token };
  small = { districtId: other.district.id, token: (await admin(other.district.id)).token };
});
afterAll(() => gw?.close());

type Result = { data?: any; errors?: { message?: string; extensions?: Record<string, any> }[] };
const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

function overWs(token: string, query: string, variables?: Record<string, unknown>): Promise<Result> {
  const client = gw.wsClient({ authorization: `Bearer ${token}` });
  return new Promise((resolve) => {
    client.subscribe({ query, variables }, {
      next: (v) => resolve(v as Result),
      error: (e) => resolve({ errors: Array.isArray(e) ? e : [{ extensions: { code: 'SOCKET', reason: String(e) } }] }),
      complete: () => undefined,
    });
  });
}

/** The dashboard page's own operations, read from its script (so this test follows the page). */
function dashboardPageQueries(): Record<'DASHBOARD' | 'NODES' | 'CHILDREN', string> {
  const js = readFileSync(path.join(__dirname, '../../packages/core/src/server/dashboard-assets/dashboard.js'), 'utf8');
  const read = (name: string) => {
    const m = js.match(new RegExp(`var ${name} = ([^;]+);`));
    if (!m) throw new Error(`${name} not found in dashboard.js`);
    return new Function(`return ${m[1]}`)() as string;
  };
  return { DASHBOARD: read('DASHBOARD'), NODES: read('NODES'), CHILDREN: read('CHILDREN') };
}

/** README's first query after signing in (the code block after "Then try:"). */
function readmeQuery(): string {
  const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const m = readme.match(/Then try:\s*```graphql\n([\s\S]+?)```/);
  if (!m) throw new Error('README query not found');
  return m[1];
}

const FIGURES = 'stats { residentCount households careTagCounts { tag count } }';
/** A district admin's dashboard: every level with its figures, default page sizes (issue 15: 1,121,281 before). */
const NATURAL_DASHBOARD = `query DistrictDashboard { districts { nodes { id name ${FIGURES}
  streets { nodes { id name ${FIGURES}
    communities { nodes { id name ${FIGURES} grids { totalCount } } } } } } } }`;
/** The whole tree down to every grid, pages of $n at each level. */
const WHOLE_TREE = `query Tree($n: Int) { districts(first: $n) { nodes { streets(first: $n) { nodes {
  communities(first: $n) { nodes { grids(first: $n) { nodes { id name households } } } } } } } } }`;
const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe.each(['HTTP', 'WebSocket'])('%s', (transport) => {
  const run = (token: string, q: string, v?: Record<string, unknown>) => (transport === 'HTTP' ? gw.request(q, v, { token }) : overWs(token, q, v));
  const callers = () => [['platform admin', gw.adminToken], ['district admin', big.token]] as const;

  test('the README query and the natural dashboard pass for the platform admin and a district admin', async () => {
    for (const [, token] of callers()) {
      for (const q of [readmeQuery(), NATURAL_DASHBOARD]) {
        const r = await run(token, q);
        expect(r.errors).toBeUndefined();
        expect(r.data.districts.nodes.length).toBeGreaterThan(0);
      }
    }
    const mine = await run(big.token, NATURAL_DASHBOARD);
    expect(mine.data.districts.nodes[0].streets.nodes.map((s: any) => s.communities.nodes.length)).toEqual([20, 20, 20, 20]);
  });

  test("the dashboard page's queries pass (nodes, children of the district and of a street)", async () => {
    const page = dashboardPageQueries();
    for (const [, token] of callers()) {
      expect((await run(token, page.NODES)).errors).toBeUndefined();
      for (const id of [gw.gid('District', big.districtId), gw.gid('Street', big.streetId)]) {
        const r = await run(token, page.CHILDREN, { id });
        expect(r.errors).toBeUndefined();
        expect(r.data.node).not.toBeNull();
      }
    }
  });

  test('the whole tree with first: $n = 100 at every level costs what exists: it passes, as its literal twin does', async () => {
    const byVariable = await run(big.token, WHOLE_TREE, { n: 100 });
    expect(byVariable.errors).toBeUndefined();
    const grids = byVariable.data.districts.nodes[0].streets.nodes.flatMap((s: any) => s.communities.nodes.flatMap((c: any) => c.grids.nodes));
    expect(grids).toHaveLength(800);
    expect((await run(big.token, WHOLE_TREE.replace('($n: Int)', '').replaceAll('$n', '100'))).errors).toBeUndefined();
  });

  test('aliases × pages are refused: 30 copies of the whole tree, 30 pages of 100 residents', async () => {
    const tree = 'districts(first: 100) { nodes { streets(first: 100) { nodes { communities(first: 100) { nodes { grids(first: 100) { nodes { id name households } } } } } } } }';
    const residents = `residents(first: 100, filter: { within: "${gw.gid('District', big.districtId)}" }) { edges { cursor node { id name gender birthDate age careTags address createdAt district { name } grid { name } community { name street { name } } } } }`;
    for (const [, token] of callers()) {
      for (const q of [aliased(30, tree), aliased(30, residents)]) {
        const r = await run(token, q);
        expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
        expect(r.errors![0].extensions!.actual).toBeGreaterThan(50_000);
        expect(r.data ?? undefined).toBeUndefined();
      }
    }
  });

  test('100 × 100 × 100 through lists the tree does not bound is refused, with variables as with literals', async () => {
    const nested = 'query($n: Int) { communities(first: $n) { nodes { socialOrganizations { communitiesServed { grids(first: $n) { nodes { id } } } } } } }';
    const canteens = `query($n: Int) { canteens(first: $n, filter: { districtId: "${gw.gid('District', big.districtId)}" }) { nodes { menus(first: $n, from: "2026-01-01", to: "2026-12-31") { nodes { id dishes { id name } } } } } }`;
    for (const q of [nested, canteens]) {
      const byVariable = await run(big.token, q, { n: 100 });
      const byLiteral = await run(big.token, q.replace('($n: Int)', '').replaceAll('$n', '100'));
      expect([codes(byVariable), codes(byLiteral)]).toEqual([['QUERY_TOO_COMPLEX'], ['QUERY_TOO_COMPLEX']]);
      expect(byVariable.errors![0].extensions!.actual).toBe(byLiteral.errors![0].extensions!.actual);
    }
  });

  test("a page of tree nodes is bounded by the caller's districts: the same request passes for a small district's admin", async () => {
    const q = aliased(30, 'communities(first: 100) { nodes { grids(first: 100) { nodes { id name households } } } }');
    expect(codes(await run(big.token, q))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codes(await run(gw.adminToken, q))).toEqual(['QUERY_TOO_COMPLEX']);
    const mine = await run(small.token, q);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.a0.nodes).toHaveLength(2);
  });
});

test('the dashboard subscription passes over graphql-ws for a district admin', async () => {
  const { DASHBOARD } = dashboardPageQueries();
  const it = gw.subscribe(DASHBOARD, { n: gw.gid('District', big.districtId) }, gw.wsClient({ authorization: `Bearer ${big.token}` }));
  const first = (await it.next()).value;
  expect(first.errors).toBeUndefined();
  expect(first.data.dashboard.residentCount).toBe(100);
  await it.return?.();
});

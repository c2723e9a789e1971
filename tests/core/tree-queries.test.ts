import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import { ResidentEntity } from '@gongzhi/core';

let gw: TestGateway;
let big: Awaited<ReturnType<TestGateway['seed']['tree']>>;
beforeAll(async () => {
  gw = await createTestGateway();
  big = await gw.seed.tree({ streets: 4, communitiesPerStreet: 30, gridsPerCommunity: 2, residentsPerCommunity: 4 });
});
afterAll(() => gw?.close());

const LIST = `query($within: ID!, $first: Int) {
  communities(filter: { within: $within }, first: $first) {
    totalCount
    nodes { id name kind street { name district { name } } stats { residentCount households gridCount careTagCounts { tag count } }
            grids(first: 1) { totalCount nodes { name } } socialOrganizations { name } }
  }
}`;

test('SQL statements per request do not grow with list size (10 vs 100 communities)', async () => {
  const within = toGlobalId('District', big.district.id);
  const ten = await gw.request(LIST, { within, first: 10 });
  const hundred = await gw.request(LIST, { within, first: 100 });
  expect(ten.errors).toBeUndefined();
  expect(hundred.errors).toBeUndefined();
  expect(ten.data.communities.nodes).toHaveLength(10);
  expect(hundred.data.communities.nodes).toHaveLength(100);
  expect(hundred.data.communities.nodes[99].stats.residentCount).toBe(4);
  expect(hundred.data.communities.nodes[0].grids.totalCount).toBe(2);
  expect(ten.sqlCount).toBeGreaterThan(0);
  expect(hundred.sqlCount).toBe(ten.sqlCount);
  process.stdout.write(`SQL statements: 10 communities → ${ten.sqlCount}, 100 communities → ${hundred.sqlCount}\n`);
});

test('keyset pagination walks every row exactly once, with totalCount', async () => {
  const within = toGlobalId('District', big.district.id);
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const res: any = await gw.request(`query($w: ID!, $a: String) { communities(filter: { within: $w }, first: 17, after: $a,
      orderBy: { field: NAME, direction: DESC }) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`, { w: within, a: after });
    expect(res.errors).toBeUndefined();
    expect(res.data.communities.totalCount).toBe(120);
    seen.push(...res.data.communities.nodes.map((n: { name: string }) => n.name));
    if (!res.data.communities.pageInfo.hasNextPage) break;
    after = res.data.communities.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(120);
  expect(new Set(seen).size).toBe(120);
  expect([...seen]).toEqual([...seen].sort().reverse());
});

test('page size is capped and cursors are checked', async () => {
  const within = toGlobalId('District', big.district.id);
  const tooMany = await gw.request(`query($w: ID!) { communities(filter: { within: $w }, first: 101) { totalCount } }`, { w: within });
  expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(tooMany.errors?.[0].extensions?.field).toBe('first');
  const badCursor = await gw.request(`query($w: ID!) { communities(filter: { within: $w }, after: "nonsense") { totalCount } }`, { w: within });
  expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(badCursor.errors?.[0].extensions?.field).toBe('after');
});

test('counts at every level of the tree are computed in SQL and add up', async () => {
  const res = await gw.request(`query($id: ID!) { node(id: $id) { ... on District {
    stats { residentCount communityCount gridCount households careTagCounts { tag count } }
    streets(first: 10) { nodes { name stats { residentCount careTagCounts { tag count } } } } } } }`, { id: toGlobalId('District', big.district.id) });
  expect(res.errors).toBeUndefined();
  const d = res.data.node;
  expect(d.stats).toMatchObject({ residentCount: 480, communityCount: 120, gridCount: 240, households: 240 * 400 });
  const [truth] = await gw.sql(`select count(*)::int as n from resident where district_id = $1 and 'ELDERLY_80' = any(care_tags)`, [big.district.id]);
  const elderly80 = d.stats.careTagCounts.find((c: { tag: string }) => c.tag === 'ELDERLY_80');
  expect(elderly80.count).toBe(truth.n);
  const perStreet = d.streets.nodes.reduce((s: number, st: { stats: { residentCount: number } }) => s + st.stats.residentCount, 0);
  expect(perStreet).toBe(480);
});

test('residents filter by node, care tags, name and age; ids and phones are masked', async () => {
  const community = big.communities[0];
  const em = gw.em();
  const r = await em.findOneOrFail(ResidentEntity, { id: big.residents.find((x) => x.communityId === community.id)!.id });
  r.idNumber = '11010119490315003X';
  r.phone = '13812345678';
  await em.flush();
  const res = await gw.request(`query($w: ID!) {
    all: residents(filter: { within: $w }) { totalCount nodes { name idNumber phone age careTags } }
    elderly: residents(filter: { within: $w, careTags: [ELDERLY_60] }) { totalCount }
    alone80: residents(filter: { within: $w, careTags: [ELDERLY_60, ELDERLY_80] }) { totalCount }
    any: residents(filter: { within: $w, anyCareTags: [ELDERLY_80, LIVING_ALONE] }) { totalCount }
    old: residents(filter: { within: $w, ageMin: 60 }) { totalCount }
    young: residents(filter: { within: $w, ageMax: 59 }) { totalCount }
    named: residents(filter: { within: $w, nameContains: "居民1" }) { totalCount }
  }`, { w: toGlobalId('Community', community.id) });
  expect(res.errors).toBeUndefined();
  expect(res.data.all.totalCount).toBe(4);
  expect(res.data.elderly.totalCount).toBe(2);
  expect(res.data.alone80.totalCount).toBe(1);
  expect(res.data.any.totalCount).toBe(2);
  expect(res.data.old.totalCount).toBe(2);
  expect(res.data.young.totalCount).toBe(2);
  expect(res.data.named.totalCount).toBe(1);
  const body = JSON.stringify(res.data);
  // the platform admin may reveal: full values, each read audited
  expect(body).toContain('11010119490315003X');
  const reveals = await gw.sql(`select action from audit_log where object_id = $1 order by id`, [r.id]);
  expect(reveals.map((x) => x.action)).toEqual(['resident.reveal.idNumber', 'resident.reveal.phone']);
  // a street worker may read residents but not reveal them
  const staff = await gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: big.district.id, scopeId: community.streetId });
  const masked = await gw.request(`query($w: ID!) { residents(filter: { within: $w }) { nodes { idNumber phone } } }`, { w: toGlobalId('Community', community.id) }, { token: staff.token });
  const maskedBody = JSON.stringify(masked.data);
  expect(maskedBody).toContain('110101********003X');
  expect(maskedBody).toContain('138****5678');
  expect(maskedBody).not.toMatch(/\d{17}[\dX]/);
  expect(maskedBody).not.toMatch(/1[3-9]\d{9}/);
  const [stored] = await gw.sql(`select id_number, phone, id_number_hash from resident where id = $1`, [r.id]);
  expect(stored.id_number).toMatch(/^v2:/);
  expect(stored.phone).toMatch(/^v2:/);
  expect(stored.id_number_hash).toBeTruthy();
});

test('node(id:) fetches every core type; malformed or unknown ids are NOT_FOUND', async () => {
  const ids = [
    toGlobalId('District', big.district.id), toGlobalId('Street', big.streets[0].id), toGlobalId('Community', big.communities[0].id),
    toGlobalId('Grid', big.grids[0].id), toGlobalId('Resident', big.residents[0].id),
  ];
  const res = await gw.request(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
  expect(res.errors).toBeUndefined();
  expect(res.data.nodes.map((n: { __typename: string }) => n.__typename)).toEqual(['District', 'Street', 'Community', 'Grid', 'Resident']);
  expect(res.data.nodes.map((n: { id: string }) => n.id)).toEqual(ids);
  const none = await gw.request(`{ a: node(id: "garbage") { id } b: node(id: "${toGlobalId('Street', big.district.id)}") { id } }`);
  expect(none.data).toEqual({ a: null, b: null });
  expect(none.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
});

import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import { fixtureWith } from '@gongzhi/fixture-plugin';
import { collect } from './processes';

/** `dashboardNodes` (the page's picker) and the labels/units a dashboard snapshot carries. */
const NODES = `{ dashboardNodes { id level name parent } }`;

let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let other: Awaited<ReturnType<TestGateway['seed']['tree']>>;

const money = fixtureWith({
  dashboard: {
    title: { zh: '测试', en: 'Test' },
    compute: async () => [{ key: 'paid', label: { zh: '已付', en: 'Paid' }, value: 1234, unit: 'fen' }, { key: 'n', label: { zh: '数', en: 'N' }, value: 1 }],
  },
});

beforeAll(async () => {
  gw = await createTestGateway({ plugins: [money] });
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 2, residentsPerCommunity: 3 });
  other = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1 });
  await gw.enableProgram(tree.district.id, 'fixture');
});
afterAll(() => gw?.close());

const names = (res: { data?: { dashboardNodes: { level: string; name: string }[] } }) => res.data!.dashboardNodes.map((n) => `${n.level}:${n.name}`);

test('a street account sees its street and its communities, nothing of the other street or district', async () => {
  const street = tree.streets[0];
  const { token } = await gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: tree.district.id, scopeId: street.id });
  const res = await gw.request(NODES, {}, { token });
  expect(res.errors).toBeUndefined();
  expect(res.data.dashboardNodes).toEqual([
    { id: toGlobalId('Street', street.id), level: 'STREET', name: street.name, parent: toGlobalId('District', tree.district.id) },
    ...tree.communities.filter((c) => c.streetId === street.id).map((c) => ({ id: toGlobalId('Community', c.id), level: 'COMMUNITY', name: c.name, parent: toGlobalId('Street', street.id) })),
  ]);
});

test('a district account sees its whole district, a community account its community, a platform admin every district and street', async () => {
  const district = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
  expect(names(await gw.request(NODES, {}, { token: district.token }))).toEqual([
    `DISTRICT:${tree.district.name}`, ...tree.streets.map((s) => `STREET:${s.name}`), ...tree.communities.map((c) => `COMMUNITY:${c.name}`),
  ]);
  const c = tree.communities[3];
  const community = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: tree.district.id, scopeId: c.id });
  expect(names(await gw.request(NODES, {}, { token: community.token }))).toEqual([`COMMUNITY:${c.name}`]);
  const all = names(await gw.request(NODES));
  expect(all).toEqual(expect.arrayContaining([`DISTRICT:${tree.district.name}`, `DISTRICT:${other.district.name}`, `STREET:${other.streets[0].name}`]));
  expect(all.some((n) => n.startsWith('COMMUNITY:'))).toBe(false);
});

test('a resident may open no dashboard: FORBIDDEN; anonymous: UNAUTHENTICATED', async () => {
  const resident = await gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: tree.district.id, scopeId: tree.communities[0].id });
  expect((await gw.request(NODES, {}, { token: resident.token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await gw.request(NODES, {}, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('the picker costs the same statements for a district of 2 or of 6 streets', async () => {
  const small = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: other.district.id });
  const big = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
  const a = await gw.request(NODES, {}, { token: small.token });
  const b = await gw.request(NODES, {}, { token: big.token });
  expect(b.data.dashboardNodes.length).toBeGreaterThan(a.data.dashboardNodes.length);
  expect(b.sqlCount).toBe(a.sqlCount);
});

test('a snapshot carries care-tag labels in the enum’s order and each figure’s unit (money in fen, COUNT by default)', async () => {
  await gw.seed.resident({ communityId: tree.communities[0].id, careTags: ['DISABLED'] });
  const sub = collect(gw.wsClient(), `subscription($n: ID!) { dashboard(node: $n) { careTagCounts { tag label { zh en } } sections { figures { key unit } } } }`,
    { n: toGlobalId('District', tree.district.id) });
  await sub.until(1);
  const snap = sub.items[0].dashboard;
  expect(snap.careTagCounts).toContainEqual({ tag: 'LIVING_ALONE', label: { zh: '独居', en: 'Living alone' } });
  expect(snap.careTagCounts.map((c: { tag: string }) => c.tag)).toEqual(['ELDERLY_60', 'LIVING_ALONE', 'DISABLED']); // not alphabetical
  expect(snap.sections[0].figures).toEqual([{ key: 'paid', unit: 'FEN' }, { key: 'n', unit: 'COUNT' }]);
  sub.dispose();
});

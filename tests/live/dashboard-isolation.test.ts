import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import { fixtureWithDashboard as fixture } from './fixture-dashboard';
import { collect, sleep } from './processes';

/**
 * Dashboards with the service-level checks switched off: row-level security alone keeps a
 * district's figures in that district. District B's feeds are live (watched by the platform
 * admin) while district A's admin asks for them by id, and a feed whose node claims another
 * district's scope is computed under that scope's tenant only.
 */
const DASHBOARD = `subscription($n: ID!) { dashboard(node: $n) { node residentCount sections { program figures { key value } } } }`;
const ADD = `mutation($c: ID!, $t: String!) { fixtureAddNote(communityId: $c, text: $t) { id } }`;
const notesOf = (item: any) => item.dashboard.sections.find((s: any) => s.program === 'fixture')?.figures[0].value;

let gw: TestGateway;
let a: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let b: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let tokenA = '';

beforeAll(async () => {
  gw = await createTestGateway({ plugins: [fixture], config: { unsafeServiceChecksOff: true, dashboardIntervalMs: 200 } });
  a = await gw.seed.tree({ divisionCode: '330291', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 2 });
  b = await gw.seed.tree({ divisionCode: '330292', streets: 2, communitiesPerStreet: 1, residentsPerCommunity: 5 });
  for (const d of [a, b]) await gw.enableProgram(d.district.id, 'fixture');
  for (let i = 0; i < 3; i++) await gw.request(ADD, { c: toGlobalId('Community', b.communities[0].id), t: `b${i}` });
  tokenA = (await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: a.district.id })).token;
}, 60_000);
afterAll(() => gw?.close());

test('a district A subscriber never receives district B’s figures, even while B’s feeds are live', async () => {
  const bNodes = [toGlobalId('District', b.district.id), toGlobalId('Street', b.streets[0].id), toGlobalId('Community', b.communities[0].id)];
  const watchers = bNodes.map((n) => collect(gw.wsClient(), DASHBOARD, { n }));
  await Promise.all(watchers.map((w) => w.until(1)));
  expect(watchers[0].items[0].dashboard).toMatchObject({ residentCount: 10 });
  expect(notesOf(watchers[0].items[0])).toBe(3);

  const clientA = gw.wsClient({ authorization: `Bearer ${tokenA}` });
  const own = collect(clientA, DASHBOARD, { n: toGlobalId('District', a.district.id) });
  const foreign = bNodes.map((n) => collect(clientA, DASHBOARD, { n }));
  await own.until(1);
  await sleep(500);
  expect(own.items[0].dashboard).toMatchObject({ residentCount: 2 });
  expect(notesOf(own.items[0])).toBe(0);
  for (const f of foreign) {
    expect(f.items).toHaveLength(0);
    expect(JSON.stringify(f.errors)).toMatch(/NOT_FOUND/);
  }
  // B changes: A's subscriber still sees nothing of it
  await gw.request(ADD, { c: toGlobalId('Community', b.communities[0].id), t: 'b again' });
  await gw.settleEvents();
  await watchers[0].until(2);
  await sleep(400);
  expect(own.items.every((i) => i.dashboard.residentCount === 2 && notesOf(i) === 0)).toBe(true);
  for (const f of foreign) expect(f.items).toHaveLength(0);
  [...watchers, own, ...foreign].forEach((s) => s.dispose());
});

test('a feed is computed under its own district’s tenant: a node claiming district A’s scope shows nothing of B', async () => {
  // B's district id with A's scope: computing as the owner (or under B) would count B's residents and notes.
  const it = gw.gateway.services.dashboards!.subscribe({ level: 'district', id: b.district.id, name: 'mismatched', scope: { districtId: a.district.id } });
  const first = await it.next();
  await it.return!();
  expect(first.value).toMatchObject({ residentCount: 0 });
  expect(first.value.sections.find((s: any) => s.program === 'fixture').figures[0].value).toBe(0);
  const [row] = await gw.sql(`select count(*)::int as n from resident where district_id = $1`, [b.district.id]);
  expect(row.n).toBe(10); // the figures exist: only the tenant setting hid them
});

import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import { fixtureWithDashboard as fixture } from './fixture-dashboard';
import { collect, sleep } from './processes';

const DASHBOARD = `subscription($n: ID!) { dashboard(node: $n) {
  node level name residentCount careTagCounts { tag count } cursor version computedAt
  sections { program title { en } figures { key value label { zh en } } } } }`;
const INTERVAL = 400;

let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
const ADD = `mutation($c: ID!, $t: String!) { fixtureAddNote(communityId: $c, text: $t) { id } }`;
const notesOf = (item: any) => item.dashboard.sections.find((s: any) => s.program === 'fixture')?.figures[0].value;

beforeAll(async () => {
  gw = await createTestGateway({ plugins: [fixture], config: { dashboardIntervalMs: INTERVAL } });
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 1, residentsPerCommunity: 8 });
  await gw.enableProgram(tree.district.id, 'fixture');
});
afterAll(() => gw?.close());

const dashboards = () => gw.gateway.services.dashboards!;

test('many subscribers of one node share one computation per change, at most once per interval', async () => {
  const district = toGlobalId('District', tree.district.id);
  const before = dashboards().computations;
  const clients = Array.from({ length: 10 }, () => gw.wsClient());
  const subs = clients.flatMap((c) => Array.from({ length: 10 }, () => collect(c, DASHBOARD, { n: district })));
  await Promise.all(subs.map((s) => s.until(1)));
  expect(dashboards().computations - before).toBe(1); // 100 subscribers, one computation
  const first = subs[0].items[0].dashboard;
  expect(first).toMatchObject({ node: district, level: 'DISTRICT', name: tree.district.name, residentCount: 16 });
  expect(first.careTagCounts.reduce((n: number, c: any) => n + c.count, 0)).toBeGreaterThanOrEqual(0);
  expect(first.sections).toEqual([{ program: 'fixture', title: { en: 'Notes' }, figures: [{ key: 'notes', value: 0, label: { zh: '便签数', en: 'Notes' } }] }]);

  const t0 = Date.now();
  for (let i = 0; i < 10; i++) await gw.request(ADD, { c: toGlobalId('Community', tree.communities[i % 2].id), t: `n${i}` });
  await gw.settleEvents();
  // every subscriber ends on the snapshot with all 10 notes
  for (const s of subs) {
    for (let tries = 0; notesOf(s.items[s.items.length - 1]) !== 10 && tries < 50; tries++) await sleep(100);
    expect(notesOf(s.items[s.items.length - 1])).toBe(10);
  }
  const elapsed = Date.now() - t0;
  const computed = dashboards().computations - before - 1;
  process.stdout.write(`dashboard: 100 subscribers, 10 changes in ${elapsed} ms → ${computed} computations (interval ${INTERVAL} ms)\n`);
  expect(computed).toBeGreaterThanOrEqual(1);
  expect(computed).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL) + 1);
  // snapshots a subscriber saw are at least the interval apart, and all subscribers saw the same ones
  const times = subs[0].items.map((i) => Date.parse(i.dashboard.computedAt));
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(INTERVAL - 5);
  const versions = JSON.stringify(subs[0].items.map((i) => i.dashboard.version));
  for (const s of subs.slice(1)) expect(JSON.stringify(s.items.map((i) => i.dashboard.version))).toBe(versions);
  subs.forEach((s) => s.dispose());
  await sleep(100);
  expect(dashboards().nodeCount).toBe(0); // the node's feed goes away with its last subscriber
});

test('a street dashboard is recomputed only for its own street’s changes', async () => {
  const [s1, s2] = tree.streets;
  const c1 = tree.communities.find((c) => c.streetId === s1.id)!;
  const c2 = tree.communities.find((c) => c.streetId === s2.id)!;
  const sub = collect(gw.wsClient(), DASHBOARD, { n: toGlobalId('Street', s1.id) });
  await sub.until(1);
  const base = notesOf(sub.items[0]);
  const computed = dashboards().computations;
  await gw.request(ADD, { c: toGlobalId('Community', c2.id), t: 'elsewhere' });
  await gw.settleEvents();
  await sleep(INTERVAL + 200);
  expect(dashboards().computations).toBe(computed);
  expect(sub.items).toHaveLength(1);
  await gw.request(ADD, { c: toGlobalId('Community', c1.id), t: 'here' });
  await sub.until(2);
  expect(notesOf(sub.items[1])).toBe(base + 1);
  expect(sub.items[1].dashboard).toMatchObject({ level: 'STREET', residentCount: 8 });
  sub.dispose();
});

test('unknown nodes and grids are refused', async () => {
  const sub = collect(gw.wsClient(), DASHBOARD, { n: toGlobalId('Grid', tree.grids[0].id) });
  await sleep(300);
  expect(sub.items).toHaveLength(0);
  expect(JSON.stringify(sub.errors)).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
  sub.dispose();
});

import { defineEvent, defineSubscriber, emit, toGlobalId } from '@gongzhi/plugin-sdk';
import { createTestGateway, testPlugin, type TestGateway } from '@gongzhi/testing';

/** /metrics of a real gateway: scraped before and after real requests, sockets, events and handler failures. */
const TOKEN = 'metrics-scrape-token-0123';
const Pinged = defineEvent<{ n: number }>('probe.pinged', { program: 'probe', version: '1.0.0' });
let failures = 1; // the handler fails once, then succeeds: one retry
const probe = testPlugin('probe', {
  events: [Pinged],
  subscribers: [defineSubscriber('flaky', Pinged, async () => {
    if (failures-- > 0) throw new Error('first attempt fails');
  })],
});

let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
// No periodic outbox read: the outbox lag stays until this test asks the relay to catch up.
beforeAll(async () => {
  gw = await createTestGateway({ plugins: [probe], config: { metricsToken: TOKEN, eventPollMs: 600_000, dashboardIntervalMs: 100 } });
  tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 2 });
  await gw.enableProgram(tree.district.id, 'probe');
});
afterAll(() => gw?.close());

const scrapeUrl = (g: TestGateway) => `${g.gateway.url}/metrics`;
async function scrape(g = gw): Promise<string> {
  const res = await fetch(scrapeUrl(g), { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}
/** The value of one series (`name{labels}` exactly as exposed), 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
const waitFor = async (check: () => Promise<boolean>, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('condition not met in time');
};

test('without the bearer token: 401, nothing exposed', async () => {
  for (const authorization of [undefined, 'Bearer wrong-token-0000000000', TOKEN]) {
    const res = await fetch(scrapeUrl(gw), { headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/gongzhi_/);
  }
});

test('requests by operation name and outcome, their duration and SQL statements', async () => {
  const before = await scrape();
  const ok = 'gongzhi_requests_total{transport="http",operation_name="Tree",outcome="ok"}';
  for (let i = 0; i < 3; i++) expect((await gw.request('query Tree { districts { totalCount nodes { name } } }')).errors).toBeUndefined();
  await gw.request('query Broken { districts { nope } }'); // not validated: no operation resolved, so no name
  const after = await scrape();
  expect(value(after, ok) - value(before, ok)).toBe(3);
  expect(value(after, 'gongzhi_requests_total{transport="http",operation_name="",outcome="GRAPHQL_VALIDATION_FAILED"}') - value(before, 'gongzhi_requests_total{transport="http",operation_name="",outcome="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
  const count = 'gongzhi_request_duration_seconds_count{transport="http",operation_name="Tree",outcome="ok"}';
  expect(value(after, count) - value(before, count)).toBe(3);
  expect(value(after, 'gongzhi_request_duration_seconds_sum{transport="http",operation_name="Tree",outcome="ok"}')).toBeGreaterThan(0);
  expect(value(after, 'gongzhi_request_sql_statements_sum{transport="http"}')).toBeGreaterThan(value(before, 'gongzhi_request_sql_statements_sum{transport="http"}'));
  expect(value(after, 'gongzhi_db_pool_connections{state="max"}')).toBe(20);
  expect(after).toMatch(/^gongzhi_db_pool_connections\{state="used"\} \d+$/m);
});

test('open WebSockets and subscriptions, dashboard computations', async () => {
  const before = await scrape();
  expect(value(before, 'gongzhi_subscriptions_active')).toBe(0);
  const client = gw.wsClient();
  const snapshots: unknown[] = [];
  const stop = client.subscribe({ query: 'subscription($n: ID!) { dashboard(node: $n) { residentCount } }', variables: { n: toGlobalId('District', tree.district.id) } },
    { next: (v) => snapshots.push(v), error: () => undefined, complete: () => undefined });
  await waitFor(async () => snapshots.length > 0);
  const open = await scrape();
  expect(value(open, 'gongzhi_websockets_open')).toBe(1);
  expect(value(open, 'gongzhi_subscriptions_active')).toBe(1);
  expect(value(open, 'gongzhi_requests_total{transport="ws",operation_name="",outcome="ok"}')).toBe(1); // the subscription's set-up
  expect(value(open, 'gongzhi_dashboard_computations_total')).toBeGreaterThan(value(before, 'gongzhi_dashboard_computations_total'));
  stop();
  await waitFor(async () => value(await scrape(), 'gongzhi_subscriptions_active') === 0);
  await client.dispose();
  await waitFor(async () => value(await scrape(), 'gongzhi_websockets_open') === 0);
});

test('outbox lag: a sequenced event this gateway has not delivered counts until the relay catches up', async () => {
  await gw.settleEvents();
  expect(value(await scrape(), 'gongzhi_outbox_lag_events')).toBe(0);
  // sequenced behind the gateway's back (as another gateway whose signal was lost would)
  await gw.sql(`insert into outbox_event (seq, name, program, version, district_id, payload) values ((select max(seq) + 1 from outbox_event), 'probe.unheard', 'probe', '1.0.0', $1, '{}')`, [tree.district.id]);
  expect(value(await scrape(), 'gongzhi_outbox_lag_events')).toBe(1);
  gw.gateway.events.relay.catchUp();
  await waitFor(async () => value(await scrape(), 'gongzhi_outbox_lag_events') === 0);
});

test('subscriber retries and parked events', async () => {
  const before = await scrape();
  // Written under a payload version the handler does not accept: parked at once. Inserted
  // first, so the sequencer pass that the emit below wakes sequences it too (no periodic pass here).
  await gw.sql(`insert into outbox_event (name, program, version, district_id, payload) values ('probe.pinged', 'probe', '0.9.0', $1, '{"n":2}')`, [tree.district.id]);
  const em = gw.em();
  emit(em, Pinged, { districtId: tree.district.id }, { n: 1 });
  await em.flush();
  const retried = 'gongzhi_subscriber_retries_total{handler="probe/flaky"}';
  const parked = 'gongzhi_subscriber_parked_total{handler="probe/flaky"}';
  await waitFor(async () => {
    const now = await scrape();
    return value(now, retried) - value(before, retried) === 1 && value(now, parked) - value(before, parked) === 1;
  });
  await waitFor(async () => (await gw.sql(`select count(*)::int as n from event_handling where status = 'DONE'`))[0].n === 1);
});

test('two gateways in one process keep their own figures', async () => {
  const other = await createTestGateway({ config: { metricsToken: TOKEN } });
  try {
    await other.request('query OnlyOther { me { username } }');
    const [mine, theirs] = [await scrape(), await scrape(other)];
    expect(value(theirs, 'gongzhi_requests_total{transport="http",operation_name="OnlyOther",outcome="ok"}')).toBe(1);
    expect(mine).not.toMatch(/OnlyOther/);
    expect(theirs).not.toMatch(/operation_name="Tree"/);
  } finally {
    await other.close();
  }
});

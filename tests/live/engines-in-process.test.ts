import { Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import fixture, { handled } from '@gongzhi/fixture-plugin';
import { collect, sleep } from './processes';

/**
 * Two gateways in one process on one database (PostgreSQL engine): plugin handlers run
 * once per event across gateways, a gateway drains its relay on shutdown, and the
 * configuration picks the engine.
 */
let gw: TestGateway;
let second: Gateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
const ADD = `mutation($c: ID!, $t: String!) { fixtureAddNote(communityId: $c, text: $t) { id } }`;

async function startSecond(): Promise<Gateway> {
  const config = loadConfig({ GONGZHI_MODE: 'test' }, { databaseUrl: gw.databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'error', eventEngine: 'postgres' });
  return new Gateway({ config, plugins: [fixture], logger: createLogger('error') }).start();
}
const post = (url: string, text: string) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.adminToken}` }, body: JSON.stringify({ query: ADD, variables: { c: toGlobalId('Community', tree.communities[0].id), t: text } }) }).then((r) => r.json());

beforeAll(async () => {
  gw = await createTestGateway({ plugins: [fixture], config: { eventEngine: 'postgres' } });
  tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 0 });
  await gw.enableProgram(tree.district.id, 'fixture');
  second = await startSecond();
});
afterAll(async () => {
  await second?.stop();
  await gw?.close();
});

test('the engine comes from configuration: redis with REDIS_URL, else memory; postgres on request', () => {
  expect(loadConfig({}).eventEngine).toBe('memory');
  expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).eventEngine).toBe('redis');
  expect(loadConfig({ GONGZHI_EVENT_ENGINE: 'postgres' }).eventEngine).toBe('postgres');
  expect(() => loadConfig({ GONGZHI_EVENT_ENGINE: 'redis' })).toThrow('GONGZHI_EVENT_ENGINE=redis needs REDIS_URL');
  expect(() => loadConfig({ GONGZHI_EVENT_ENGINE: 'kafka' })).toThrow('must be one of memory, postgres, redis');
  expect(gw.gateway.events.engine?.kind).toBe('postgres');
});

test('plugin handlers run exactly once per event across two gateways', async () => {
  handled.length = 0;
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => post(i % 2 ? gw.gateway.url : second.url, `h${i}`)));
  expect(results.filter((r) => r.errors)).toEqual([]);
  await gw.settleEvents();
  await second.events.sequencer.flush();
  await second.events.dispatcher.idle();
  for (let i = 0; handled.length < 40 && i < 50; i++) await sleep(100);
  await sleep(300);
  expect(handled).toHaveLength(40);
  expect(new Set(handled).size).toBe(40);
  const rows = await gw.sql(`select status, attempts from event_handling where handler = 'fixture/count-notes'`);
  expect(rows).toHaveLength(40);
  expect(rows.filter((r) => r.status === 'DONE' && r.attempts === 1)).toHaveLength(40);
});

test('a gateway that stops drains its relay: events it committed reach subscribers elsewhere', async () => {
  const [{ c }] = await gw.sql(`select coalesce(max(seq), 0)::text as c from outbox_event`);
  const sub = collect(gw.wsClient(), `subscription($n: ID!, $a: String) { events(node: $n, after: $a) { cursor payload } }`, { n: toGlobalId('District', tree.district.id), a: c });
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post(second.url, `last words ${i}`)));
  expect(results.filter((r) => r.errors)).toEqual([]);
  await second.stop(); // sequences and announces what it committed before closing
  await sub.until(20, 5000);
  expect(sub.items.map((i) => i.events.payload.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `last words ${i}`).sort());
  sub.dispose();
  second = await startSecond();
});

import { Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { defineSubscriber, type SqlEntityManager } from '@gongzhi/plugin-sdk';
import { fixtureWith } from '@gongzhi/fixture-plugin';
import { NoteAdded } from '../fixtures/fixture-plugin/src/events';

/**
 * Replay of a backlog to a plugin handler (after a reconnection or a restart), in batches:
 * every event's handler write commits once, in the same transaction as its mark, in a few
 * transactions per thousand events (PostgreSQL's own `xmin` says which transaction wrote a
 * row); a failing event is retried alone and a refused payload version is parked, as with
 * one transaction per event; two gateways replaying the same backlog at once handle it once.
 * Events are written to the outbox behind the gateways' backs, as another gateway that
 * sequenced them and died would leave them.
 */
const calls: string[] = [];
let failOnce = new Set<string>();
const writer = fixtureWith({
  subscribers: [defineSubscriber('write-note', NoteAdded, async (e, ctx) => {
    calls.push(e.id);
    await (ctx.em as unknown as SqlEntityManager).execute(`insert into fx_note (id, district_id, community_id, text) values (?, ?, ?, ?)`,
      [e.payload.noteId, e.districtId, e.communityId, e.payload.text]);
    if (failOnce.delete(e.payload.text)) throw new Error(`${e.payload.text}: first attempt fails after writing`);
  })],
});

let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;

beforeAll(async () => {
  gw = await createTestGateway({ plugins: [writer] });
  tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 0 });
  await gw.enableProgram(tree.district.id, 'fixture');
  await gw.settleEvents();
}, 60_000);
afterAll(() => gw?.close());

/** `n` sequenced events (texts `${prefix}${i}`), committed without telling any gateway; their seq range. */
async function backlog(n: number, prefix: string, version = '1.0.0'): Promise<{ from: string; to: string }> {
  const [{ from }] = await gw.sql(`select coalesce(max(seq), 0)::text as from from outbox_event`);
  await gw.sql(`insert into outbox_event (seq, name, program, version, district_id, street_id, community_id, payload)
    select $1::bigint + i, $2, 'fixture', $7, $3, $4, $5, jsonb_build_object('noteId', gen_random_uuid(), 'text', $6 || i)
    from generate_series(1, $8::int) i`, [from, NoteAdded.name, tree.district.id, tree.streets[0].id, tree.communities[0].id, prefix, version, n]);
  return { from, to: (BigInt(from) + BigInt(n)).toString() };
}

/** Per event of the range: its mark and the rows its handler left, and whether both came from one transaction. */
const outcome = (r: { from: string; to: string }) => gw.sql<{ seq: string; status: string; attempts: number; rows: number; same_tx: boolean; tx: string; last_error: string | null }>(
  `select e.seq::text as seq, h.status, h.attempts, h.last_error, h.xmin::text as tx,
     (select count(*)::int from fx_note n where n.id = (e.payload->>'noteId')::uuid) as rows,
     coalesce((select n.xmin = h.xmin from fx_note n where n.id = (e.payload->>'noteId')::uuid), false) as same_tx
   from outbox_event e left join event_handling h on h.event_seq = e.seq and h.handler = 'fixture/write-note'
   where e.seq > $1 and e.seq <= $2 order by e.seq`, [r.from, r.to]);

async function replay(...gateways: Gateway[]): Promise<void> {
  for (const g of gateways) g.events.dispatcher.catchUpNow();
  await Promise.all(gateways.map((g) => g.events.dispatcher.idle()));
}

test('a backlog of 1,200 events is handled once each, in seq order, in three transactions (batches of 500)', async () => {
  const range = await backlog(1200, 'replay ');
  calls.length = 0;
  await replay(gw.gateway);
  const rows = await outcome(range);
  expect(rows).toHaveLength(1200);
  expect(rows.filter((r) => r.status === 'DONE' && r.attempts === 1 && r.rows === 1 && r.same_tx)).toHaveLength(1200);
  expect(new Set(rows.map((r) => r.tx)).size).toBe(3);
  expect(calls).toEqual(rows.map((r) => r.seq));
}, 60_000);

test('a failing event is retried alone: its neighbours in the batch commit once, a refused payload version is parked', async () => {
  failOnce = new Set(['flaky 20']);
  const range = await backlog(50, 'flaky ');
  const refused = await backlog(1, 'old version ', '0.9.0');
  await replay(gw.gateway);
  const first = await outcome(range);
  expect(first.filter((r) => r.status === 'DONE' && r.attempts === 1 && r.rows === 1 && r.same_tx)).toHaveLength(49);
  // those before the failure committed again as one batch, those after as one more
  expect(new Set(first.slice(0, 19).map((r) => r.tx)).size).toBe(1);
  expect(new Set(first.slice(20).map((r) => r.tx)).size).toBe(1);
  // the failure rolled back its own write and is due for a retry after 500 ms (which may have run already on a busy machine)
  expect([{ status: 'RETRYING', attempts: 1, rows: 0, last_error: 'Error: flaky 20: first attempt fails after writing' }, { status: 'DONE', attempts: 2, rows: 1 }])
    .toContainEqual(expect.objectContaining({ status: first[19].status, attempts: first[19].attempts, rows: first[19].rows }));
  if (first[19].status === 'RETRYING') expect(first[19].last_error).toBe('Error: flaky 20: first attempt fails after writing');
  const [old] = await outcome(refused);
  expect(old).toMatchObject({ status: 'PARKED', attempts: 5, rows: 0 });
  expect(old.last_error).toMatch(/payload version 0\.9\.0 .* is outside \^1\.0\.0/);

  for (let i = 0; i < 50 && (await outcome(range))[19].status !== 'DONE'; i++) await new Promise((r) => setTimeout(r, 100));
  await gw.gateway.events.dispatcher.idle();
  const after = await outcome(range);
  expect(after[19]).toMatchObject({ status: 'DONE', attempts: 2, rows: 1, same_tx: true, last_error: null });
  expect(after.filter((r) => r.status === 'DONE' && r.rows === 1)).toHaveLength(50);
  expect((await outcome(refused))[0]).toMatchObject({ status: 'PARKED', rows: 0 });
}, 60_000);

test('two gateways replaying the same backlog at once handle each event once', async () => {
  const config = loadConfig({ GONGZHI_MODE: 'test' }, { databaseUrl: gw.databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'error' });
  const second = await new Gateway({ config, plugins: [writer], logger: createLogger('error') }).start();
  try {
    const range = await backlog(1500, 'both ');
    await replay(gw.gateway, second);
    const rows = await outcome(range);
    expect(rows.filter((r) => r.status === 'DONE' && r.attempts === 1 && r.rows === 1 && r.same_tx)).toHaveLength(1500);
  } finally {
    await second.stop();
  }
}, 90_000);

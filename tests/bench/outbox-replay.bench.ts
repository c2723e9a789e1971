/**
 * Outbox replay after a reconnection: N sequenced events a plugin handler has no record of
 * (another gateway committed them and died, or this one was cut off), read and handled by
 * the dispatcher's catch-up. Events per second, in the same run and alternating rounds:
 *   - raw SELECT of the same rows, paged (the floor: reading them at all);
 *   - one transaction per event (`GONGZHI_EVENT_HANDLER_BATCH=1`, the path before batching);
 *   - batches (the default, 500 events per transaction);
 * each with a handler that writes nothing and one that inserts a row per event. Checks after
 * every run that each event was handled exactly once (one DONE mark with attempts = 1, one row).
 *
 *   pnpm bench outbox-replay [-- events=5000 [rounds=2]]
 *
 * Also prints the process's CPU time per event (this machine is shared: wall time moves with
 * the load) and the SQL statements per replay. Needs DATABASE_URL (a scratch database is
 * created and dropped).
 */
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { defineSubscriber, type GongzhiPlugin, type SqlEntityManager } from '@gongzhi/plugin-sdk';
import { fixtureWith } from '@gongzhi/fixture-plugin';
import { NoteAdded } from '../../tests/fixtures/fixture-plugin/src/events';
import { EventDispatcher } from '@gongzhi/core/src/events/dispatcher';
import { handlerServices } from '@gongzhi/core/src/server/context';
import { OUTBOX_COLUMNS } from '@gongzhi/core/src/events/event-row';
import { sqlCounter } from '@gongzhi/core/src/db/orm';
import { createLogger } from '@gongzhi/core';

const N = Number(process.argv[2] ?? 5000);
const ROUNDS = Number(process.argv[3] ?? 2);
const PAGE = 500;

const noop = fixtureWith({ subscribers: [defineSubscriber('replay-noop', NoteAdded, async () => undefined)] });
const writer = fixtureWith({
  subscribers: [defineSubscriber('replay-write', NoteAdded, async (e, ctx) => {
    await (ctx.em as unknown as SqlEntityManager).execute(`insert into fx_note (id, district_id, community_id, text) values (?, ?, ?, ?)`,
      [e.payload.noteId, e.districtId, e.communityId, e.payload.text]);
  })],
});

async function rawSelect(gw: TestGateway, from: string): Promise<number> {
  const t0 = performance.now();
  let after = from;
  let n = 0;
  for (;;) {
    const rows = await gw.orm.em.fork().execute<{ seq: string }[]>(
      `select ${OUTBOX_COLUMNS} from outbox_event where outbox_event.seq > ? and name = ? order by outbox_event.seq limit ${PAGE}`, [after, NoteAdded.name]);
    n += rows.length;
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].seq;
  }
  if (n !== N) throw new Error(`raw select read ${n} of ${N}`);
  return N / ((performance.now() - t0) / 1000);
}

/** One replay by a fresh dispatcher (as after a restart), from no records to all handled. */
async function replay(gw: TestGateway, plugin: GongzhiPlugin, batch: number): Promise<number> {
  await gw.sql(`delete from event_handling`);
  await gw.sql(`delete from fx_note`);
  const services = gw.gateway.services;
  const dispatcher = new EventDispatcher(gw.orm, { on: () => () => undefined }, [plugin], handlerServices(services),
    (p, d) => services.programs.isEnabled(p, d), createLogger('error'), { periodMs: 0 }, batch);
  const sql = { count: 0 };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await sqlCounter.run(sql, async () => {
    dispatcher.catchUpNow();
    await dispatcher.idle();
  });
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  statements[batch] = sql.count;
  (cpuPerEvent[`${plugin === writer ? 'insert' : 'noop'} ${batch}`] ??= []).push((cpu.user + cpu.system) / N);
  await dispatcher.stop();
  const [marks] = await gw.sql(`select count(*)::int as n, count(*) filter (where status = 'DONE' and attempts = 1)::int as done from event_handling`);
  if (marks.n !== N || marks.done !== N) throw new Error(`batch ${batch}: ${marks.done} DONE of ${marks.n} marks, want ${N}`);
  const rows = (await gw.sql(`select count(*)::int as n from fx_note`))[0].n;
  const want = plugin === writer ? N : 0;
  if (rows !== want) throw new Error(`batch ${batch}: ${rows} rows written, want ${want}`);
  return N / s;
}

/** SQL statements of the last replay, by batch size; gateway-process CPU µs per event (the machine is shared: wall time is noisy). */
const statements: Record<number, number> = {};
const cpuPerEvent: Record<string, number[]> = {};
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  // The gateway's own dispatcher has no handler: only the bench's dispatchers handle these events.
  const gw = await createTestGateway({ plugins: [fixtureWith({ subscribers: [] })] });
  try {
    const tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 0 });
    await gw.enableProgram(tree.district.id, 'fixture');
    await gw.settleEvents();
    const [{ from }] = await gw.sql(`select coalesce(max(seq), 0)::text as from from outbox_event`);
    // Sequenced as the sequencer would, committed behind this gateway's back.
    await gw.sql(`insert into outbox_event (seq, name, program, version, district_id, street_id, community_id, payload)
      select $1::bigint + i, $2, 'fixture', '1.0.0', $3, $4, $5, jsonb_build_object('noteId', gen_random_uuid(), 'text', 'replay ' || i)
      from generate_series(1, $6::int) i`, [from, NoteAdded.name, tree.district.id, tree.streets[0].id, tree.communities[0].id, N]);
    const figures: Record<string, number[]> = {};
    const add = (k: string, v: number) => (figures[k] ??= []).push(v);
    for (let r = 0; r < ROUNDS; r++) {
      add('raw SELECT of the same rows', await rawSelect(gw, from));
      add('noop handler, one transaction per event', await replay(gw, noop, 1));
      add('noop handler, batches of 500', await replay(gw, noop, 500));
      add('insert-a-row handler, one transaction per event', await replay(gw, writer, 1));
      add('insert-a-row handler, batches of 500', await replay(gw, writer, 500));
    }
    console.log(`${N} events, ${ROUNDS} alternating rounds (medians; each run checked: every event DONE once, attempts 1)`);
    console.log('| path | events/s (each round) | median |');
    console.log('|---|---|---|');
    for (const [k, v] of Object.entries(figures)) console.log(`| ${k} | ${v.map((x) => x.toFixed(0)).join(' / ')} | ${median(v).toFixed(0)} |`);
    const m = (k: string) => median(figures[k]);
    console.log(`gateway CPU per event (µs, median): ${Object.entries(cpuPerEvent).map(([k, v]) => `${k}: ${median(v).toFixed(0)}`).join(', ')}`);
    console.log(`SQL statements per replay of ${N}: one transaction per event ${statements[1]}, batches ${statements[500]}`);
    console.log(`batched / per-event: noop ${(m('noop handler, batches of 500') / m('noop handler, one transaction per event')).toFixed(1)}×, ` +
      `insert ${(m('insert-a-row handler, batches of 500') / m('insert-a-row handler, one transaction per event')).toFixed(1)}×; ` +
      `batched noop / raw SELECT ${(m('noop handler, batches of 500') / m('raw SELECT of the same rows')).toFixed(2)}×`);
  } finally {
    await gw.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Legal advisors on a district of 100 communities with a year of data (office hours twice a
 * week, 30 consultations and 5 mediation cases a month and an education session a fortnight per
 * community; bulk-inserted with SQL): booking throughput
 * (concurrent bookLegalOfficeHour by community workers, more requests than places) and the
 * latency of the service statistics (p50/p99) at district, street and community level over
 * GraphQL/HTTP and as CSV, each beside two baselines in the same run: the same SQL statements
 * sent directly on the owner's connection (no HTTP, GraphQL, token, transaction or row-level
 * security), and sent directly in a tenant transaction as the request role (row-level security
 * on). Prints the statements per request, flat in the size of the list.
 *
 *   pnpm bench legal-stats [-- rounds=15 clients=40]
 *
 * Uses DATABASE_URL when set, else starts an embedded PostgreSQL in .data/bench-legal.
 */
import os from 'node:os';
import path from 'node:path';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { sqlRows, toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../../plugins/legal-advisors/src/plugin';
import { beginTenantTransaction } from '@gongzhi/core/src/security/tenant-transaction';
import { statsParams, statsSql, type StatsBreakdown, type StatsLevel } from '../../plugins/legal-advisors/src/services/stats.service';
import { parsePeriod } from '../../plugins/legal-advisors/src/services/stats-period';

const ROUNDS = Number(process.argv[2] ?? 15);
const CLIENTS = Number(process.argv[3] ?? 40);
const STREETS = 10;
const PER_STREET = 10;
const BOOKING_COMMUNITIES = 20;
const RESIDENTS = 16; // per community; booking communities book all of them
const PLACES = 12; // per future office hour: a quarter of the requests find it FULL
const PERIOD = '2026';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (x: number) => Number(x.toFixed(2));
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: ms(pct(s, 50)), p99: ms(pct(s, 99)), max: ms(s[s.length - 1]) };
};

async function database(): Promise<(() => Promise<void>) | null> {
  if (process.env.DATABASE_URL) return null;
  const { startEmbeddedPostgres } = await import('@gongzhi/core/src/db/embedded-postgres');
  const { createLogger } = await import('@gongzhi/core/src/util/logger');
  const db = await startEmbeddedPostgres(path.resolve(__dirname, '../../.data/bench-legal'), createLogger('warn'), 54363);
  process.env.DATABASE_URL = db.url;
  return () => db.stop();
}

/** A year of office hours (Mondays and Thursdays, 09:00–11:30 Beijing) and consultations, one lawyer per community. */
async function yearOfData(gw: TestGateway, districtId: string, accountId: string): Promise<void> {
  await gw.sql(`insert into la_office (id, district_id, kind, name) values (gen_random_uuid(), $1, 'LAW_FIRM', '压测律师事务所')`, [districtId]);
  await gw.sql(`insert into la_lawyer (id, district_id, office_id, name, certificate_number)
    select gen_random_uuid(), c.district_id, (select id from la_office where district_id = $1), '律师' || c.name, '1330120081' || lpad(row_number() over (order by c.id)::text, 7, '0')
    from community c where c.district_id = $1`, [districtId]);
  await gw.sql(`create unlogged table bench_advisor as
    select c.id as community_id, c.street_id, c.district_id, l.id as lawyer_id
    from (select c.*, row_number() over (order by c.id) as n from community c where c.district_id = $1) c
    join (select l.*, row_number() over (order by l.certificate_number) as n from la_lawyer l where l.district_id = $1) l using (n)`, [districtId]);
  await gw.sql(`insert into la_office_hour (id, district_id, street_id, community_id, lawyer_id, starts_at, ends_at, capacity, booked, status)
    select gen_random_uuid(), a.district_id, a.street_id, a.community_id, a.lawyer_id, t, t + interval '150 minutes', 8,
           case when cancelled then 0 else (random() * 8)::int end, case when cancelled then 'CANCELLED' else 'SCHEDULED' end
    from bench_advisor a
    cross join generate_series(timestamptz '2026-01-05 01:00+00', timestamptz '2026-12-31 01:00+00', interval '7 days') as w(monday)
    cross join unnest(array[w.monday, w.monday + interval '3 days']) as t
    cross join lateral (select random() < 0.05 as cancelled) x`);
  await gw.sql(`insert into la_consultation (id, district_id, street_id, community_id, resident_id, lawyer_id, category, status, referred_to,
      question, requested_by_account_id, on_behalf, requested_at, closed_at, rating)
    select gen_random_uuid(), a.district_id, a.street_id, a.community_id, r.id, a.lawyer_id, k.category, k.status,
           case when k.status = 'REFERRED' or (k.status = 'CLOSED' and k.r < 0.3) then (array['LEGAL_AID','MEDIATION','LITIGATION_ARBITRATION'])[1 + (k.r * 10)::int % 3] end,
           'bench', $1, false, k.at, case when k.status = 'CLOSED' then k.at + interval '3 days' end,
           case when k.status = 'CLOSED' then 1 + (k.r * 100)::int % 5 end
    from bench_advisor a
    cross join lateral (select id from resident where community_id = a.community_id limit 1) r
    cross join generate_series(1, 360) as g(i)
    cross join lateral (select timestamptz '2026-01-01 00:00+08' + random() * interval '333 days' + (g.i * 0) * interval '1 s' as at, random() as r,
           (array['MARRIAGE_FAMILY','INHERITANCE','LABOUR','PROPERTY_NEIGHBOURS','CONTRACTS','ELDERLY_RIGHTS','OTHER'])[1 + (random() * 7)::int % 7] as category,
           (array['REQUESTED','SCHEDULED','IN_PROGRESS','RESOLVED','REFERRED','CLOSED','CLOSED','CLOSED'])[1 + (random() * 8)::int % 8] as status) k`, [accountId]);
  await gw.sql(`insert into la_mediation (id, district_id, street_id, community_id, dispute_type, summary, lawyer_id, status, referred_to, opened_by_account_id, opened_at, concluded_at)
    select gen_random_uuid(), a.district_id, a.street_id, a.community_id, 'NEIGHBOURS', 'bench', a.lawyer_id, k.status,
           case when k.status = 'REFERRED' then 'COURT' end, $1, k.at, case when k.status not in ('OPEN','IN_MEDIATION') then k.at + interval '5 days' end
    from bench_advisor a cross join generate_series(1, 60) as g(i)
    cross join lateral (select timestamptz '2026-01-01 00:00+08' + random() * interval '333 days' + (g.i * 0) * interval '1 s' as at,
           (array['OPEN','IN_MEDIATION','AGREED','AGREED','NO_AGREEMENT','REFERRED','WITHDRAWN'])[1 + (random() * 7)::int % 7] as status) k`, [accountId]);
  await gw.sql(`insert into la_education_session (id, district_id, street_id, community_id, lawyer_id, topic, starts_at, ends_at, attendance, recorded_by_account_id)
    select gen_random_uuid(), a.district_id, a.street_id, a.community_id, a.lawyer_id, '民法典进社区', t, t + interval '90 minutes', (random() * 80)::int, $1
    from bench_advisor a cross join generate_series(timestamptz '2026-01-10 06:00+00', timestamptz '2026-11-30 06:00+00', interval '14 days') as t`, [accountId]);
  await gw.sql('analyze la_office_hour; analyze la_consultation; analyze la_mediation; analyze la_education_session');
}

async function main(): Promise<void> {
  const stopDb = await database();
  const gw = await createTestGateway({ plugins: [plugin], config: { logLevel: 'error', rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } } });
  try {
    const t0 = performance.now();
    const tree = await gw.seed.tree({ streets: STREETS, communitiesPerStreet: PER_STREET, residentsPerCommunity: RESIDENTS });
    await gw.enableProgram(tree.district.id, 'legal-advisors');
    const admin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
    await yearOfData(gw, tree.district.id, admin.id);
    const [rows] = await gw.sql(`select (select count(*)::int from la_office_hour) as "officeHours", (select count(*)::int from la_consultation) as consultations,
    (select count(*)::int from la_mediation) as mediations, (select count(*)::int from la_education_session) as "educationSessions"`);
    const seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));

    console.error(`seeded in ${seedSeconds} s`);
    const stats = await statistics(gw, tree, admin.token);
    console.error(`statistics measured at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const booking = await bookings(gw, tree);
    console.log(JSON.stringify({
      bench: 'legal-stats', communities: tree.communities.length, streets: tree.streets.length, period: PERIOD, ...rows, seedSeconds,
      dbPoolMax: gw.gateway.config.dbPoolMax, loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))), statistics: stats, booking,
    }, null, 2));
  } finally {
    await gw.close();
    await stopDb?.();
  }
}

const FIGURES = `officeHoursHeld bookings consultations consultationsByCategory { category count }
  consultationOutcomes { resolved referred referredTo { referredTo count } open } ratings averageRating`;
const STATS = `legalServiceStats(period: $p) { ${FIGURES} byAdvisor { lawyer { name } ${FIGURES} } byCommunity { community { name } ${FIGURES} } }`;
const NODE = `query($id: ID!, $p: String!) { node(id: $id) { ... on District { ${STATS} } ... on Street { ${STATS} } ... on Community { ${STATS} } } }`;
const TREE = `query($id: ID!, $p: String!) { node(id: $id) { ... on District { legalServiceStats(period: $p) { ${FIGURES} }
  streets { nodes { legalServiceStats(period: $p) { ${FIGURES} } communities { nodes { legalServiceStats(period: $p) { ${FIGURES} } } } } } } } }`;

/** Latency of `run` over ROUNDS sequential calls after a warm-up, in ms. */
async function timed(run: (i: number) => Promise<unknown>): Promise<ReturnType<typeof summary>> {
  for (let i = 0; i < 3; i++) await run(i);
  const xs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await run(i);
    xs.push(performance.now() - t);
  }
  return summary(xs);
}

async function statistics(gw: TestGateway, tree: Awaited<ReturnType<TestGateway['seed']['tree']>>, token: string) {
  const range = parsePeriod(PERIOD);
  const em = gw.gateway.orm.em.fork();
  // One after the other, as on a request's one connection.
  const direct = async (level: StatsLevel, id: string) => {
    for (const b of ['node', 'advisor', 'community'] as StatsBreakdown[]) {
      await sqlRows(em, statsSql(level, b), statsParams(new Date(), [id], range));
    }
  };
  const underRls = async (level: StatsLevel, id: string) => {
    const rls = gw.gateway.requestOrm.em.fork();
    await beginTenantTransaction(rls as never, gw.gateway.tenantScope, [tree.district.id]);
    try {
      for (const b of ['node', 'advisor', 'community'] as StatsBreakdown[]) {
        await sqlRows(rls, statsSql(level, b), statsParams(new Date(), [id], range));
      }
    } finally {
      await rls.rollback();
    }
  };
  const levels: [StatsLevel, string, string[]][] = [
    ['district', 'District', [tree.district.id]], ['street', 'Street', tree.streets.map((s) => s.id)], ['community', 'Community', tree.communities.map((c) => c.id)],
  ];
  const out: Record<string, unknown> = {};
  for (const [level, type, ids] of levels) {
    const ask = async (i: number) => {
      const res = await gw.request(NODE, { id: toGlobalId(type, ids[i % ids.length]), p: PERIOD }, { token });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res;
    };
    const csv = async (i: number) => {
      const res = await fetch(`${gw.gateway.url}/plugins/legal-advisors/service-stats.csv?${new URLSearchParams({ node: toGlobalId(type, ids[i % ids.length]), period: PERIOD })}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(await res.text());
      return { text: await res.text(), sql: res.headers.get('x-sql-statements') };
    };
    const sample = await ask(0);
    console.error(`${level}: first request ${JSON.stringify(sample.sqlCount)} statements`);
    out[level] = {
      graphqlMs: await timed(ask), csvMs: await timed(csv), directSqlMs: await timed((i) => direct(level, ids[i % ids.length])),
      directSqlUnderRlsMs: await timed((i) => underRls(level, ids[i % ids.length])),
      statements: { graphql: sample.sqlCount, csv: Number((await csv(0)).sql), direct: 3 },
      csvRows: (await csv(0)).text.split('\r\n').length - 2,
      held: sample.data.node.legalServiceStats.officeHoursHeld, consultations: sample.data.node.legalServiceStats.consultations,
    };
  }
  // The whole tree in one request: district, 10 streets and 100 communities, each with its figures.
  const whole = await gw.request(TREE, { id: toGlobalId('District', tree.district.id), p: PERIOD }, { token });
  if (whole.errors) throw new Error(JSON.stringify(whole.errors));
  out.wholeTree = { statements: whole.sqlCount, nodes: 1 + whole.data.node.streets.nodes.length + whole.data.node.streets.nodes.flatMap((st: any) => st.communities.nodes).length,
    ms: await timed(() => gw.request(TREE, { id: toGlobalId('District', tree.district.id), p: PERIOD }, { token })) };
  return out;
}

/** Concurrent bookings on behalf of residents: BOOKING_COMMUNITIES future hours of PLACES places, RESIDENTS requests each. */
async function bookings(gw: TestGateway, tree: Awaited<ReturnType<TestGateway['seed']['tree']>>) {
  const communities = tree.communities.slice(0, BOOKING_COMMUNITIES);
  const hours = await gw.sql<{ id: string; community_id: string }>(`insert into la_office_hour (id, district_id, street_id, community_id, lawyer_id, starts_at, ends_at, capacity)
    select gen_random_uuid(), district_id, street_id, community_id, lawyer_id, timestamptz '2027-01-15 02:00+00', timestamptz '2027-01-15 04:30+00', $2
    from bench_advisor where community_id = any($1::uuid[]) returning id, community_id`, [communities.map((c) => c.id), PLACES]);
  const hourOf = new Map(hours.map((h) => [h.community_id, toGlobalId('OfficeHour', h.id)]));
  const queues = communities.map((c) => tree.residents.filter((r) => r.communityId === c.id).map((r) => toGlobalId('Resident', r.id)));
  const workers = await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
    const c = i % communities.length;
    const { token } = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: tree.district.id, scopeId: communities[c].id });
    return { token, c };
  }));
  const BOOK = `mutation($i: BookLegalOfficeHourInput!) { bookLegalOfficeHour(input: $i) { id } }`;
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const started = performance.now();
  await Promise.all(workers.map(async ({ token, c }) => {
    for (let residentId = queues[c].shift(); residentId; residentId = queues[c].shift()) {
      const t = performance.now();
      const res = await gw.request(BOOK, { i: { officeHourId: hourOf.get(communities[c].id), residentId, category: 'LABOUR' } }, { token });
      latencies.push(performance.now() - t);
      const code = res.errors ? `${res.errors[0].extensions?.code}:${res.errors[0].extensions?.reason ?? ''}` : 'OK';
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const [check] = await gw.sql(`select bool_and(h.booked <= h.capacity and h.booked = (select count(*) from la_booking b where b.office_hour_id = h.id and b.status = 'BOOKED')) as ok
    from la_office_hour h where h.id = any($1::uuid[])`, [hours.map((h) => h.id)]);
  // Baseline: the guarded place-taking update alone, sent directly, as many times.
  const em = gw.gateway.orm.em.fork();
  const t = performance.now();
  await Promise.all(Array.from({ length: 20 }, async (_, k) => {
    for (let j = k; j < latencies.length; j += 20) await sqlRows(em.fork(), `update la_office_hour set booked = booked where id = ? and status = 'SCHEDULED' and booked <= capacity returning id`, [hours[j % hours.length].id]);
  }));
  const directSeconds = (performance.now() - t) / 1000;
  return {
    clients: CLIENTS, requests: latencies.length, places: PLACES * communities.length, outcomes: Object.fromEntries(outcomes),
    seconds: Number(seconds.toFixed(2)), bookingsPerSecond: Number(((outcomes.get('OK') ?? 0) / seconds).toFixed(1)),
    requestsPerSecond: Number((latencies.length / seconds).toFixed(1)), latencyMs: summary(latencies), neverOverbooked: check.ok === true,
    directUpdateStatementsPerSecond: Number((latencies.length / directSeconds).toFixed(1)),
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

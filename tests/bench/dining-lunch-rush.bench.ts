/**
 * Lunch rush of the elderly-dining program: 200 concurrent clients ordering lunch across
 * 10 canteens over GraphQL/HTTP against a real gateway and PostgreSQL. Prints orders/s,
 * latency percentiles and the share of request time spent in the capacity statement.
 *
 *   node -r @swc-node/register tests/bench/dining-lunch-rush.bench.ts [ordersPerCanteen=200] [clients=200]
 *
 * Uses DATABASE_URL when set, else starts an embedded PostgreSQL in .data/bench-dining.
 */
import os from 'node:os';
import path from 'node:path';
import { TestClock, createTestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../../plugins/elderly-dining/src/plugin';
import { capacityTiming } from '../../plugins/elderly-dining/src/services/capacity.service';

const CANTEENS = 10;
const PER_CANTEEN = Number(process.argv[2] ?? 200);
const CLIENTS = Number(process.argv[3] ?? 200);
const CAPACITY = Math.floor(PER_CANTEEN * 0.9); // a few orders per canteen hit CAPACITY_REACHED, as at a real rush
const DAY = '2030-03-04';
const ALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function database(): Promise<(() => Promise<void>) | null> {
  if (process.env.DATABASE_URL) return null;
  const { startEmbeddedPostgres } = await import('@gongzhi/core/src/db/embedded-postgres');
  const { createLogger } = await import('@gongzhi/core/src/util/logger');
  const db = await startEmbeddedPostgres(path.resolve(__dirname, '../../.data/bench-dining'), createLogger('warn'), 54361);
  process.env.DATABASE_URL = db.url;
  return () => db.stop();
}

async function main(): Promise<void> {
  const stopDb = await database();
  // One account sends at most PER_CANTEEN requests here: the per-account limit is not what is measured.
  // 08:00 in Shanghai, before the 09:30 lunch cutoff
  const gw = await createTestGateway({ plugins: [plugin], clock: new TestClock(new Date(`${DAY}T00:00:00Z`)), config: { logLevel: 'error', rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } } });
  try {
    const ask = async (query: string, variables: Record<string, unknown>) => {
      const res = await gw.request(query, variables);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: CANTEENS / 2, residentsPerCommunity: 0 });
    await gw.enableProgram(tree.district.id, 'elderly-dining');
    const canteens: string[] = [];
    for (const [i, c] of tree.communities.entries()) {
      const community = toGlobalId('Community', c.id);
      const data = await ask(`mutation($input: CreateCanteenInput!) { createCanteen(input: $input) { id } }`, {
        input: {
          communityId: community, name: `长者食堂${i + 1}`, operatorKind: 'COMPANY', operatorName: '餐饮公司', seats: 80,
          openingDays: ALL_DAYS, capacity: { breakfast: 0, lunch: CAPACITY, dinner: 0 }, servedCommunityIds: [community],
        },
      });
      const menu = await ask(`mutation($input: SaveMenuInput!) { saveDiningMenu(input: $input) { id } }`, {
        input: { canteenId: data.createCanteen.id, date: DAY, meal: 'LUNCH', dishes: [{ name: '红烧鱼', priceFen: 1200, dietTags: ['SOFT'] }, { name: '青菜', priceFen: 300 }] },
      });
      await ask(`mutation($id: ID!) { publishDiningMenu(id: $id) { id } }`, { id: menu.saveDiningMenu.id });
      canteens.push(data.createCanteen.id);
    }
    // Elders: residents seeded through the harness, enrolled in bulk (enrolment is not what we measure).
    const elders: string[] = [];
    for (const c of tree.communities) {
      const batch = await Promise.all(Array.from({ length: PER_CANTEEN }, (_, j) =>
        gw.seed.resident({ communityId: c.id, birthDate: '1942-01-01', careTags: j % 3 === 0 ? ['LOW_INCOME'] : [] })));
      elders.push(...batch.map((r) => r.id));
    }
    await gw.sql(`insert into ed_enrolment (id, district_id, street_id, community_id, canteen_id, resident_id, status,
        delivery_address, age80, low_income, extreme_poverty, disabled, living_alone)
      select gen_random_uuid(), r.district_id, r.street_id, r.community_id, cc.canteen_id, r.id, 'ACTIVE', '幸福路8号',
        true, 'LOW_INCOME' = any(r.care_tags), false, false, false
      from resident r join ed_canteen_community cc on cc.community_id = r.community_id where r.id = any($1::uuid[])`, [elders]);
    // Each client is a community worker (COMMUNITY_WORKER at one community) ordering for the elders
    // of that community: CLIENTS / CANTEENS workers per canteen, so every counter row is contended at once.
    const queues = tree.communities.map((_, c) => elders.slice(c * PER_CANTEEN, (c + 1) * PER_CANTEEN).map((id) => toGlobalId('Resident', id)));
    const workers = await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
      const community = i % CANTEENS;
      const { token } = await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: tree.district.id, scopeId: tree.communities[community].id });
      return { token, community };
    }));
    const ORDER = `mutation($input: PlaceOrderInput!) { placeDiningOrder(input: $input) { id payableFen } }`;
    // Warm-up: schema, pools and JIT, on another date's menu-less request (rejected, no seat taken).
    await Promise.all(workers.slice(0, 20).map((wk) => gw.request(ORDER, { input: { residentId: queues[wk.community][0], date: '2030-03-05', meal: 'LUNCH', mode: 'DINE_IN' } }, { token: wk.token })));

    capacityTiming.ms = 0;
    capacityTiming.calls = 0;
    const latencies: number[] = [];
    const codes = new Map<string, number>();
    let sent = 0;
    const started = performance.now();
    await Promise.all(workers.map(async ({ token, community }) => {
      const queue = queues[community];
      for (let residentId = queue.shift(); residentId; residentId = queue.shift()) {
        const mode = sent++ % 4 === 0 ? 'DELIVERY' : 'DINE_IN';
        const t0 = performance.now();
        const res = await gw.request(ORDER, { input: { residentId, date: DAY, meal: 'LUNCH', mode } }, { token });
        latencies.push(performance.now() - t0);
        const code = res.errors ? String(res.errors[0].extensions?.code) : 'OK';
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const requestMs = latencies.reduce((s, x) => s + x, 0);
    const [check] = await gw.sql(`select bool_and(used <= capacity) as within, sum(used)::int as used,
      (select count(*)::int from ed_order where date = $1 and status <> 'CANCELLED') as orders from ed_meal_slot where date = $1`, [DAY]);
    const ok = codes.get('OK') ?? 0;
    console.log(JSON.stringify({
      bench: 'dining-lunch-rush', canteens: CANTEENS, clients: CLIENTS, requests: latencies.length, capacityPerCanteen: CAPACITY,
      dbPoolMax: gw.gateway.config.dbPoolMax, loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
      outcomes: Object.fromEntries(codes), seconds: Number(seconds.toFixed(2)),
      ordersPerSecond: Number((ok / seconds).toFixed(1)), requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
      latencyMs: { p50: Number(pct(latencies, 50).toFixed(1)), p95: Number(pct(latencies, 95).toFixed(1)), p99: Number(pct(latencies, 99).toFixed(1)), max: Number(latencies[latencies.length - 1].toFixed(1)) },
      capacityCheck: {
        calls: capacityTiming.calls, totalMs: Math.round(capacityTiming.ms), meanMs: Number((capacityTiming.ms / Math.max(1, capacityTiming.calls)).toFixed(2)),
        shareOfRequestTime: `${((capacityTiming.ms / requestMs) * 100).toFixed(1)}%`,
      },
      neverOverbooked: check.within === true && check.used === check.orders,
    }, null, 2));
  } finally {
    await gw.close();
    await stopDb?.();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

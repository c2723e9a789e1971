/**
 * A nested query across both programs on the demo district, as its district admin:
 * communities → volunteer teams → members → points account, and → canteens → menus → dishes. Prints the statements per request (the gateway's count) and latency
 * (p50/p90/mean over sequential requests after a warm-up). Runs as is on any checkout that has
 * both plugins, so a before/after comparison runs this file in each, alternating:
 *
 *   pnpm bench nested-program-query [-- rounds=200]
 */
import 'reflect-metadata';
import { createTestGateway } from '@gongzhi/testing';
import volunteerBank from '../../plugins/volunteer-bank/src/plugin';
import elderlyDining from '../../plugins/elderly-dining/src/plugin';

const rounds = Number(process.argv[2] ?? 200);
const QUERY = `query($d: ID!, $from: LocalDate!, $to: LocalDate!) {
  communities(filter: { within: $d }, first: 10) { nodes {
    name
    volunteerTeams { name members { name starLevel pointsAccount { balance } } }
    canteens { name menus(from: $from, to: $to, first: 5) { nodes { date meal dishes { name } } } }
  } }
}`;

async function main() {
  const gw = await createTestGateway({
    plugins: [volunteerBank, elderlyDining],
    config: { seedDemo: true, rateLimit: { perAccountPerMinute: 1e9, perIpPerMinute: 1e9 } },
  });
  try {
    const [d] = await gw.sql<{ id: string }>(`select distinct district_id as id from vb_volunteer`);
    const admin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: d.id });
    const today = new Date().toISOString().slice(0, 10);
    const vars = { d: gw.gid('District', d.id), from: today, to: new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10) };
    const first = await gw.request(QUERY, vars, { token: admin.token });
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    const nodes = (first.data as { communities: { nodes: { volunteerTeams: { members: unknown[] }[]; canteens: { menus: { nodes: unknown[] } }[] }[] } }).communities.nodes;
    const size = {
      communities: nodes.length,
      teams: nodes.reduce((n, c) => n + c.volunteerTeams.length, 0),
      members: nodes.reduce((n, c) => n + c.volunteerTeams.reduce((m, t) => m + t.members.length, 0), 0),
      canteens: nodes.reduce((n, c) => n + c.canteens.length, 0),
      menus: nodes.reduce((n, c) => n + c.canteens.reduce((m, k) => m + k.menus.nodes.length, 0), 0),
    };
    for (let i = 0; i < 30; i++) await gw.request(QUERY, vars, { token: admin.token }); // warm-up
    const ms: number[] = [];
    const sql = new Set<number>();
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const res = await gw.request(QUERY, vars, { token: admin.token });
      ms.push(performance.now() - t);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      sql.add(res.sqlCount);
    }
    ms.sort((a, b) => a - b);
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    console.log(JSON.stringify({ size, statements: [...sql], rounds, p50: +ms[Math.floor(ms.length / 2)].toFixed(2), p90: +ms[Math.floor(ms.length * 0.9)].toFixed(2), mean: +mean.toFixed(2) }));
  } finally {
    await gw.close();
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });

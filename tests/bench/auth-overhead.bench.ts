/**
 * Overhead of authorisation and row-level security on a list query, same run, same
 * database: four gateways (both layers off, RLS only, service checks only, both on),
 * one district admin listing 50 communities with their street and figures.
 * Prints requests/second and p50/p99 per variant. Not a test: figures only.
 */
import 'reflect-metadata';
import { createTestGateway, createScratchDatabase, type TestGateway } from '@gongzhi/testing';
import { Gateway, createLogger, loadConfig } from '@gongzhi/core';

const DURATION_MS = Number(process.env.BENCH_MS ?? 8000);
const CONCURRENCY = 16;
const QUERY = `query($w: ID!) { communities(filter: { within: $w }, first: 50) { totalCount nodes { id name street { name } stats { residentCount } } } }`;

async function load(url: string, token: string, variables: Record<string, unknown>) {
  const latencies: number[] = [];
  const end = Date.now() + DURATION_MS;
  let errors = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < end) {
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY, variables }) });
      const body = await res.json();
      if (body.errors) errors++;
      latencies.push(performance.now() - t);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / (DURATION_MS / 1000), p50: latencies[Math.floor(latencies.length * 0.5)], p99: latencies[Math.floor(latencies.length * 0.99)], errors };
}

async function main() {
  const base: TestGateway = await createTestGateway({ config: { rateLimit: { perAccountPerMinute: 1e9, perIpPerMinute: 1e9 } } });
  const tree = await base.seed.tree({ streets: 4, communitiesPerStreet: 25, residentsPerCommunity: 20 });
  const admin = await base.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
  const variables = { w: base.gid('District', tree.district.id) };
  const variants: [string, { unsafeServiceChecksOff: boolean; unsafeRlsOff: boolean }][] = [
    ['no checks, no RLS', { unsafeServiceChecksOff: true, unsafeRlsOff: true }],
    ['RLS only', { unsafeServiceChecksOff: true, unsafeRlsOff: false }],
    ['checks only', { unsafeServiceChecksOff: false, unsafeRlsOff: true }],
    ['checks + RLS (production)', { unsafeServiceChecksOff: false, unsafeRlsOff: false }],
  ];
  const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
  for (const [name, flags] of variants) {
    const g = new Gateway({ config: loadConfig({}, { ...base.gateway.config, port: 0, seedDemo: false, ...flags }), plugins: [], logger: createLogger('error') });
    await g.start();
    await load(`${g.url}/graphql`, admin.token, variables); // warm-up pass, discarded
    results[name] = await load(`${g.url}/graphql`, admin.token, variables);
    await g.stop('bench');
  }
  const baseline = results['no checks, no RLS'].rps;
  console.log(`\nauthorisation + RLS overhead — list of 50 communities with street and figures, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000}s each`);
  for (const [name, r] of Object.entries(results)) {
    console.log(`  ${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  ratio ${(r.rps / baseline).toFixed(2)}  errors ${r.errors}`);
  }
  await base.close();
  void createScratchDatabase;
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });

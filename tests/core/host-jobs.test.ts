import { Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { createTestGateway, startupRefusal, testPlugin, type TestGateway } from '@gongzhi/testing';
import { defineJob, type JobContext, type SqlEntityManager } from '@gongzhi/plugin-sdk';
import { fixtureWith } from '@gongzhi/fixture-plugin';

/**
 * Host-owned jobs: each scheduled period of a plugin job runs once across every gateway and
 * every runner, whoever fires first; a failing run is recorded, the others in the same period
 * are untouched, and the next period runs again. The handlers write to a table of their own
 * (no unique key), so a period run twice would show as two rows.
 */
const FIVE_MIN = 5 * 60_000;
const BASE = Date.parse('2030-03-04T00:00:00Z'); // 08:00 in Asia/Shanghai, on the schedule below
const period = (k: number) => new Date(BASE + k * FIVE_MIN);
/** Periods in which a job fails (after writing), and the district a per-district job fails in. */
const failing = { flaky: new Set<number>([1, 3]), district: '', districtPeriods: new Set<number>([2]) };

const log = (ctx: JobContext, job: string, districtId: string | null) =>
  (ctx.em as unknown as SqlEntityManager).execute(`insert into fx_job_log (job, period, district_id, districts) values (?, ?, ?, ?)`,
    [job, ctx.period, districtId, ctx.districtIds.length]);
const index = (ctx: JobContext) => (ctx.period.getTime() - BASE) / FIVE_MIN;

const plugin = fixtureWith({
  jobs: [
    defineJob('tally', { schedule: '*/5 * * * *' }, (ctx) => log(ctx, 'tally', null)),
    defineJob('each-district', { schedule: '*/5 * * * *', perDistrict: true }, async (ctx) => {
      await log(ctx, 'each-district', ctx.districtId);
      if (ctx.districtId === failing.district && failing.districtPeriods.has(index(ctx))) throw new Error('this district fails');
    }),
    defineJob('flaky', { schedule: '*/5 * * * *' }, async (ctx) => {
      await log(ctx, 'flaky', null);
      if (failing.flaky.has(index(ctx))) throw new Error(`flaky fails in period ${index(ctx)}`);
    }),
  ],
});

const secondGateway = (gw: TestGateway, jobs: boolean) => new Gateway({
  config: loadConfig({ GONGZHI_MODE: 'test' }, { databaseUrl: gw.databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'error', jobs }),
  plugins: [plugin], logger: createLogger('error'),
}).start();

describe('periods run on demand by many runners on two gateways', () => {
  let gw: TestGateway;
  let second: Gateway;
  let enabled: string[];
  const lines: string[] = [];
  beforeAll(async () => {
    gw = await createTestGateway({ plugins: [plugin], logger: createLogger('info', (l) => lines.push(l)) });
    await gw.sql(`create table fx_job_log (job text not null, period timestamptz not null, district_id uuid, districts int not null)`);
    const trees = [];
    for (const code of ['110101', '110102', '110103']) trees.push(await gw.seed.tree({ divisionCode: code, streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 0 }));
    enabled = [trees[0].district.id, trees[1].district.id]; // the third district does not run the program
    for (const d of enabled) await gw.enableProgram(d, 'fixture');
    failing.district = enabled[1];
    second = await secondGateway(gw, false);
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    await gw?.close();
  });

  test('6 periods × 8 concurrent runners: each job ran each period once; failures recorded and retried next period', async () => {
    const PERIODS = 6;
    for (let k = 0; k < PERIODS; k++) {
      // anywhere inside the period: every runner works out the same scheduled instant
      const at = () => new Date(period(k).getTime() + Math.floor(Math.random() * (FIVE_MIN - 1)));
      const outcomes = await Promise.all([gw.gateway, second].flatMap((g) => [1, 2, 3, 4].map(() => g.jobs.runDue(at()))));
      for (const job of ['fixture/tally', 'fixture/each-district', 'fixture/flaky']) {
        const ran = outcomes.map((o) => o[job]).filter((o) => o !== 'taken');
        expect({ job, k, ran: ran.length, taken: outcomes.length - ran.length }).toEqual({ job, k, ran: 1, taken: 7 });
      }
    }
    const runs = await gw.sql<{ job: string; k: number; status: string; error: string | null }>(
      `select job, (extract(epoch from period) * 1000 - $1) / $2 as k, status, error from job_run order by job, period`, [BASE, FIVE_MIN]);
    expect(runs).toHaveLength(3 * PERIODS);
    const status = (job: string) => runs.filter((r) => r.job === `fixture/${job}`).map((r) => r.status);
    expect(status('tally')).toEqual(Array(PERIODS).fill('DONE'));
    expect(status('flaky')).toEqual(['DONE', 'FAILED', 'DONE', 'FAILED', 'DONE', 'DONE']);
    expect(runs.find((r) => r.job === 'fixture/flaky' && Number(r.k) === 1)!.error).toContain('flaky fails in period 1');
    expect(status('each-district')).toEqual(['DONE', 'DONE', 'FAILED', 'DONE', 'DONE', 'DONE']);
    expect(runs.find((r) => r.job === 'fixture/each-district' && r.status === 'FAILED')!.error).toContain(`district ${enabled[1]}: Error: this district fails`);

    const rows = await gw.sql<{ job: string; k: number; district_id: string | null; districts: number }>(
      `select job, (extract(epoch from period) * 1000 - $1) / $2 as k, district_id, districts from fx_job_log order by job, period, district_id`, [BASE, FIVE_MIN]);
    const ks = (job: string, d: string | null = null) => rows.filter((r) => r.job === job && r.district_id === d).map((r) => Number(r.k));
    const all = [0, 1, 2, 3, 4, 5];
    expect(ks('tally')).toEqual(all);
    expect(rows.filter((r) => r.job === 'tally').every((r) => r.districts === 2)).toBe(true);
    // a failed run's writes rolled back; the next period ran as usual
    expect(ks('flaky')).toEqual([0, 2, 4, 5]);
    // one district per transaction: the failing district's period 2 rolled back alone, the other district's stayed
    expect(ks('each-district', enabled[0])).toEqual(all);
    expect(ks('each-district', enabled[1])).toEqual([0, 1, 3, 4, 5]);
    expect(rows.filter((r) => r.job === 'each-district').every((r) => r.districts === 1 && enabled.includes(r.district_id!))).toBe(true);

    // metered on the gateway that ran each period; the two gateways' counts add up to the periods
    const counts = [gw.gateway, second].map((g) => g.jobs.runner.counts.get('fixture/flaky') ?? { done: 0, failed: 0 });
    expect(counts.reduce((s, c) => ({ done: s.done + c.done, failed: s.failed + c.failed }), { done: 0, failed: 0 })).toEqual({ done: 4, failed: 2 });
    const scraped = await (await fetch(`${gw.gateway.url}/metrics`)).text();
    expect(scraped).toContain(`gongzhi_job_runs_total{job="fixture/flaky",outcome="failed"} ${counts[0].failed}`);
    // logged by the gateway that ran it: one line per run, failures at error level with the reason
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.job === 'fixture/flaky');
    const byMsg = (msg: string) => logged.filter((l) => l.msg === msg);
    expect([byMsg('job ran').length, byMsg('job failed').length]).toEqual([counts[0].done, counts[0].failed]);
    expect(byMsg('job failed').every((l) => l.level === 'error' && /flaky fails in period [13]/.test(l.error))).toBe(true);
    expect(logged).toHaveLength(counts[0].done + counts[0].failed);
  }, 60_000);

  test('a request connection can neither read nor mark a job period', async () => {
    const [priv] = await gw.sql(`select has_table_privilege('gongzhi_app', 'job_run', 'select') as s, has_table_privilege('gongzhi_app', 'job_run', 'insert') as i`);
    expect(priv).toEqual({ s: false, i: false });
  });
});

describe('on their schedule', () => {
  let gw: TestGateway;
  const gateways: Gateway[] = [];
  const everySecond = fixtureWith({ jobs: [defineJob('tick', { schedule: '* * * * * *' }, (ctx) => log(ctx, 'tick', null))] });
  beforeAll(async () => {
    gw = await createTestGateway({ plugins: [everySecond] }); // jobs off: test mode's default
    await gw.sql(`create table fx_job_log (job text not null, period timestamptz not null, district_id uuid, districts int not null)`);
  }, 60_000);
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await gw?.close();
  });

  test('two gateways with jobs on and two off (GONGZHI_JOBS=off, test mode): every second ran once, never on those off', async () => {
    const config = (jobs: string) => loadConfig({ GONGZHI_MODE: 'test', GONGZHI_JOBS: jobs }, { databaseUrl: gw.databaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'error' });
    for (const jobs of ['on', 'on', 'off']) gateways.push(await new Gateway({ config: config(jobs), plugins: [everySecond], logger: createLogger('error') }).start());
    const since = new Date();
    await new Promise((r) => setTimeout(r, 3500));
    await Promise.all([gw.gateway, ...gateways].map((g) => g.jobs.stop()));
    const runs = await gw.sql<{ period: Date; gateway: string; status: string }>(`select period, gateway, status from job_run where period >= $1 order by period`, [since]);
    const logged = await gw.sql<{ period: Date }>(`select period from fx_job_log where period >= $1 order by period`, [since]);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((r) => r.status === 'DONE')).toBe(true);
    expect(logged.map((r) => r.period.getTime())).toEqual(runs.map((r) => r.period.getTime())); // one handler run per period
    expect(runs.map((r) => r.period.getTime() - runs[0].period.getTime())).toEqual(runs.map((_, i) => i * 1000)); // none skipped
    const ranOn = new Set(runs.map((r) => r.gateway));
    expect([...ranOn].every((id) => [gateways[0], gateways[1]].some((g) => g.jobs.gatewayId === id))).toBe(true);
  }, 30_000);
});

test('a schedule the host cannot read, or a job name declared twice: refused at start, naming the plugin and the job', () => {
  const noop = async () => undefined;
  expect(startupRefusal([testPlugin('a', { jobs: [defineJob('sweep', { schedule: '61 * * * *' }, noop)] })]))
    .toBe('Plugin "a" job "sweep" has schedule "61 * * * *": CronPattern: Invalid value for minute: 61');
  expect(startupRefusal([testPlugin('a', { jobs: [defineJob('sweep', { schedule: '0 3 * * *' }, noop), defineJob('sweep', { schedule: '0 4 * * *' }, noop)] })]))
    .toBe('Plugin "a" declares job "sweep" twice');
});

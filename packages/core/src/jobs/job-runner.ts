import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { GongzhiServices, JobContext } from '@gongzhi/plugin-sdk';
import type { Logger } from '../util/logger';
import type { PluginJob } from './plugin-jobs';

/** `done`/`failed`: this gateway ran the period; `taken`: another runner had claimed it. */
export type JobOutcome = 'done' | 'failed' | 'taken';

/** Rows older than this are deleted as a job's newer periods finish. */
const KEEP_DAYS = 30;

export interface JobRunnerDeps {
  orm: MikroORM;
  services: (em: EntityManager) => GongzhiServices;
  /** Districts where a program is enabled now (the in-memory cache: no SQL). */
  districtsRunning: (program: string) => string[];
  /** Names this gateway in the rows it claims. */
  gatewayId: string;
  log: Logger;
}

/**
 * Runs one period of a job at most once across every gateway: the runner whose insert of the
 * `(job, period)` row succeeds runs it, the others see the conflict and skip. The handler
 * runs on the system connection in one transaction (per district for `perDistrict` jobs);
 * the outcome is written on the row, logged and counted. A gateway that dies mid-run leaves
 * the row RUNNING; the next period runs as usual.
 */
export class JobRunner {
  /** Runs by job since start (metrics). */
  readonly counts = new Map<string, { done: number; failed: number }>();

  constructor(private readonly deps: JobRunnerDeps) {}

  async run(job: PluginJob, period: Date): Promise<JobOutcome> {
    const { orm, gatewayId, log } = this.deps;
    const claimed = await orm.em.fork().execute(
      `insert into job_run (job, period, status, gateway) values (?, ?, 'RUNNING', ?) on conflict (job, period) do nothing returning job`,
      [job.id, period, gatewayId],
    );
    if (!claimed.length) return 'taken';
    const t0 = Date.now();
    const districtIds = this.deps.districtsRunning(job.plugin);
    const errors: string[] = [];
    // One district after another: a job must not take the whole system pool from the sequencer and handlers.
    for (const d of job.def.perDistrict ? districtIds : [null]) {
      const e = await this.attempt(job, period, districtIds, d);
      if (e) errors.push(d ? `district ${d}: ${e}` : e);
    }
    const outcome = errors.length ? 'failed' : 'done';
    const error = errors.length ? errors.join('\n').slice(0, 4000) : null;
    await orm.em.fork().execute(
      `with old as (delete from job_run where job = ? and period < now() - interval '${KEEP_DAYS} days')
       update job_run set status = ?, finished_at = now(), error = ? where job = ? and period = ?`,
      [job.id, outcome.toUpperCase(), error, job.id, period],
    );
    const count = this.counts.get(job.id) ?? { done: 0, failed: 0 };
    count[outcome]++;
    this.counts.set(job.id, count);
    const fields = { job: job.id, period: period.toISOString(), ms: Date.now() - t0, districts: districtIds.length };
    if (error) log.error('job failed', { ...fields, error });
    else log.info('job ran', fields);
    return outcome;
  }

  /** One transaction of the handler; the error's text when it failed. */
  private async attempt(job: PluginJob, period: Date, districtIds: string[], districtId: string | null): Promise<string | null> {
    try {
      await this.deps.orm.em.fork().transactional(async (em) => {
        const ctx: JobContext = { em, ...this.deps.services(em), period, districtIds: districtId ? [districtId] : districtIds };
        await job.def.run(districtId ? { ...ctx, districtId } : ctx);
      });
      return null;
    } catch (e) {
      return String(e);
    }
  }
}

import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { JobRunner, type JobOutcome, type JobRunnerDeps } from './job-runner';
import { JobTimers } from './job-timers';
import { pluginJobs, type PluginJob } from './plugin-jobs';

/** The plugins' scheduled jobs on one gateway: timers when enabled (GONGZHI_JOBS), and runs on demand. */
export class HostJobs {
  readonly jobs: PluginJob[];
  readonly runner: JobRunner;
  private readonly timers: JobTimers;
  /** How this gateway signs the `job_run` rows it claims. */
  readonly gatewayId: string;

  constructor(plugins: GongzhiPlugin[], deps: JobRunnerDeps) {
    this.gatewayId = deps.gatewayId;
    this.jobs = pluginJobs(plugins);
    this.runner = new JobRunner(deps);
    this.timers = new JobTimers(this.jobs, (job, period) => this.runner.run(job, period), (job, e) => deps.log.error('job run could not be recorded', { job: job.id, error: String(e) }));
  }

  start(): void {
    this.timers.start();
  }

  /** Each job's period at `at` (the latest scheduled instant), once across gateways whatever this gateway's setting. */
  async runDue(at: Date): Promise<Record<string, JobOutcome>> {
    const outcomes: Record<string, JobOutcome> = {};
    await Promise.all(this.jobs.map(async (job) => {
      const period = job.schedule.periodAt(at);
      if (period) outcomes[job.id] = await this.runner.run(job, period);
    }));
    return outcomes;
  }

  stop(): Promise<void> {
    return this.timers.stop();
  }
}

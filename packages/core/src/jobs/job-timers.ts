import type { PluginJob } from './plugin-jobs';
import type { JobOutcome } from './job-runner';

/** Long waits are re-evaluated (setTimeout holds at most ~24.8 days; a sleeping host wakes late). */
const MAX_WAIT_MS = 3_600_000;

/**
 * Fires each job at its scheduled instants on this gateway. On start, the latest period is
 * offered too: a period no gateway was up for runs once when one starts (the claim makes it
 * a no-op when it ran). Runs of one job never overlap on a gateway; jobs are independent.
 */
export class JobTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly jobs: PluginJob[],
    private readonly run: (job: PluginJob, period: Date) => Promise<JobOutcome>,
    private readonly onError: (job: PluginJob, e: unknown) => void,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const latest = job.schedule.periodAt(new Date());
      this.fire(job, latest);
    }
  }

  private fire(job: PluginJob, period: Date | null): void {
    if (this.stopped) return;
    const running = period ? this.run(job, period).catch((e) => this.onError(job, e)) : Promise.resolve();
    this.inflight.add(running);
    void running.finally(() => {
      this.inflight.delete(running);
      this.arm(job, period ?? new Date());
    });
  }

  /** Waits for the first instant after `after` (and after now: a run longer than its period skips the ones it overlapped). */
  private arm(job: PluginJob, after: Date): void {
    if (this.stopped) return;
    const now = new Date();
    const next = job.schedule.nextAfter(after.getTime() > now.getTime() ? after : now);
    if (!next) return;
    const wait = next.getTime() - Date.now();
    const t = setTimeout(() => {
      this.timers.delete(job.id);
      if (wait > MAX_WAIT_MS) this.arm(job, after);
      else this.fire(job, next);
    }, Math.max(0, Math.min(wait, MAX_WAIT_MS)));
    t.unref();
    this.timers.set(job.id, t);
  }

  /** No more runs; waits for those in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.inflight]);
  }
}

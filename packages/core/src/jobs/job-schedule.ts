import { Cron } from 'croner';
import { DISTRICT_TIME_ZONE } from '@gongzhi/plugin-sdk';

/**
 * A job's cron pattern in the districts' time zone, read by croner. Only evaluated here: the
 * host keeps its own timers, so the period a run is for is the scheduled instant, the same
 * on every gateway, never the moment a timer happened to fire. Throws on a bad pattern.
 */
export class JobSchedule {
  private readonly cron: Cron;

  constructor(readonly pattern: string, zone = DISTRICT_TIME_ZONE) {
    this.cron = new Cron(pattern, { timezone: zone, paused: true });
  }

  /** The latest scheduled instant at or before `at`; null before the first. */
  periodAt(at: Date): Date | null {
    return this.cron.previousRuns(1, new Date(at.getTime() + 1))[0] ?? null;
  }

  /** The first scheduled instant after `at`. */
  nextAfter(at: Date): Date | null {
    return this.cron.nextRun(at);
  }
}

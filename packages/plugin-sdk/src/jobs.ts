import type { EntityManager } from '@mikro-orm/core';
import type { GongzhiServices } from './context';

/**
 * What a job's handler gets: one transaction (`em`, the system connection: no caller, no
 * row-level security, so a job touches only what it names), and the period it runs for.
 */
export interface JobContext extends GongzhiServices {
  em: EntityManager;
  /** The scheduled instant this run is for (the same on every gateway), not the time it started. */
  period: Date;
  /** Districts where the plugin's program is enabled now. */
  districtIds: readonly string[];
}

/** A per-district job's context: one district, one transaction. */
export interface DistrictJobContext extends JobContext {
  districtId: string;
}

export interface JobSpec {
  /**
   * Cron pattern, evaluated in Asia/Shanghai (`0 3 * * *`: 03:00 Beijing time; a leading
   * sixth field is seconds). The host refuses to start on a pattern it cannot read.
   */
  schedule: string;
  /**
   * Run once per district where the program is enabled, each in its own transaction (one
   * district's failure does not undo the others'); default: once, for every district.
   */
  perDistrict?: boolean;
  description?: string;
}

/**
 * A scheduled job, run by the host: each period once across every gateway (a `job_run` row
 * per job and period decides who), logged and counted. A failed run is recorded and the
 * next period runs as usual, so handlers must catch up on what earlier periods left (e.g.
 * "expire everything past its deadline", not "expire what passed in the last hour").
 */
export interface JobDefinition {
  /** Unique within the plugin; recorded as `<plugin>/<name>`. */
  readonly name: string;
  readonly schedule: string;
  readonly perDistrict: boolean;
  readonly description?: string;
  run(ctx: JobContext | DistrictJobContext): Promise<unknown>;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function defineJob(name: string, spec: JobSpec & { perDistrict: true }, run: (ctx: DistrictJobContext) => Promise<unknown>): JobDefinition;
export function defineJob(name: string, spec: JobSpec, run: (ctx: JobContext) => Promise<unknown>): JobDefinition;
export function defineJob(name: string, spec: JobSpec, run: (ctx: DistrictJobContext) => Promise<unknown>): JobDefinition {
  if (!NAME.test(name)) throw new Error(`Job name "${name}" must be kebab-case`);
  return Object.freeze({ name, schedule: spec.schedule, perDistrict: spec.perDistrict ?? false, description: spec.description, run: run as JobDefinition['run'] });
}

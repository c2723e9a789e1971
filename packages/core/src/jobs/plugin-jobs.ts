import type { GongzhiPlugin, JobDefinition } from '@gongzhi/plugin-sdk';
import { PluginHostError } from '../plugins/plugin-host-error';
import { JobSchedule } from './job-schedule';

/** One loaded plugin's job, with its schedule read. */
export interface PluginJob {
  /** `<plugin>/<name>`: the key of its `job_run` rows, logs and metrics. */
  id: string;
  plugin: string;
  def: JobDefinition;
  schedule: JobSchedule;
}

/** Every loaded plugin's jobs; refuses a name declared twice in a plugin or a schedule croner cannot read. */
export function pluginJobs(plugins: GongzhiPlugin[]): PluginJob[] {
  const jobs: PluginJob[] = [];
  for (const p of plugins) {
    const names = new Set<string>();
    for (const def of p.jobs ?? []) {
      if (names.has(def.name)) throw new PluginHostError(`Plugin "${p.name}" declares job "${def.name}" twice`);
      names.add(def.name);
      let schedule: JobSchedule;
      try {
        schedule = new JobSchedule(def.schedule);
      } catch (e) {
        throw new PluginHostError(`Plugin "${p.name}" job "${def.name}" has schedule "${def.schedule}": ${(e as Error).message}`);
      }
      jobs.push({ id: `${p.name}/${def.name}`, plugin: p.name, def, schedule });
    }
  }
  return jobs;
}

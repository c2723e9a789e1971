import { Migration } from '@mikro-orm/migrations';

/** One row per plugin job and scheduled period: inserting it is how one gateway wins the run. */
export class Migration20261203140000_job_run extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table job_run (
      job text not null,
      period timestamptz not null,
      status text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
      gateway text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      error text,
      primary key (job, period)
    );`);
  }
}

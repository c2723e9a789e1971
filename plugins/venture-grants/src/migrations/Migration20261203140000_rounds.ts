import { Migration } from '@gongzhi/plugin-sdk';

const CATEGORIES = `array['ELDERLY','WOMEN','CHILDREN_YOUTH','NEW_RESIDENTS','DISABLED','HARDSHIP','CENTRAL_TASK']`;
const DATED = `'NEEDS','APPLICATION','REVIEW','PUBLIC_VOTE','CONTRACTING','EXECUTION','EVALUATION'`;

/**
 * Venture-grants rounds and their dated phases (prefix `vg_`). Money is integer fen; the cap
 * and the budget bound each other here, not only in the service.
 * Unreleased (1.0.0): once released, never edit, add a new migration.
 */
export class Migration20261203140000_rounds extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists btree_gist');
    this.addSql(`create table vg_round (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      street_id uuid null references street(id) deferrable initially deferred,
      community_id uuid null references community(id) deferrable initially deferred,
      name text not null, year int not null check (year between 2000 and 2100),
      budget_fen bigint not null check (budget_fen between 1 and 2000000000),
      project_cap_fen bigint not null check (project_cap_fen >= 1 and project_cap_fen <= budget_fen),
      categories text[] not null check (cardinality(categories) > 0 and categories <@ ${CATEGORIES}),
      central_task text null,
      phase text not null default 'DRAFT' check (phase in ('DRAFT',${DATED},'CLOSED')),
      created_by_account_id uuid null references account(id) deferrable initially deferred, -- null: the demo seed
      created_at timestamptz not null default now(),
      check (community_id is null or street_id is not null),
      check (('CENTRAL_TASK' = any(categories)) = (central_task is not null)),
      constraint vg_round_name_once unique (district_id, year, name))`);
    this.addSql('create index vg_round_area_idx on vg_round (district_id, street_id, community_id, created_at)');

    this.addSql(`create table vg_round_phase (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      round_id uuid not null references vg_round(id) on delete cascade deferrable initially deferred,
      phase text not null check (phase in (${DATED})),
      starts_on date not null, ends_on date not null check (ends_on >= starts_on),
      opened_at timestamptz null, closed_at timestamptz null,
      constraint vg_round_phase_once unique (round_id, phase),
      constraint vg_round_phase_apart exclude using gist (round_id with =, daterange(starts_on, ends_on, '[]') with &&))`);
  }
}

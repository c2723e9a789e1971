import { Migration } from '@gongzhi/plugin-sdk';

/**
 * Residents' needs of a round (the first of the four-step linkage 四步联动) and who supports
 * them: one support per resident and need, held by the primary key; the count beside it is
 * kept by the same statements under the need's row lock.
 * Unreleased (1.0.0): once released, never edit, add a new migration.
 */
export class Migration20261203150000_needs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table vg_need (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      street_id uuid not null references street(id) deferrable initially deferred,
      community_id uuid not null references community(id) deferrable initially deferred,
      round_id uuid not null references vg_round(id) deferrable initially deferred,
      category text not null check (category in ('ELDERLY','WOMEN','CHILDREN_YOUTH','NEW_RESIDENTS','DISABLED','HARDSHIP','CENTRAL_TASK')),
      description text not null check (length(description) between 1 and 500),
      resident_id uuid null references resident(id) deferrable initially deferred,
      recorded_by_account_id uuid null references account(id) deferrable initially deferred, -- null: the demo seed
      priority text null check (priority in ('HIGH','MEDIUM','LOW')),
      assessed_by_account_id uuid null references account(id) deferrable initially deferred, assessed_at timestamptz null,
      status text not null default 'OPEN' check (status in ('OPEN','MERGED')),
      merged_into_id uuid null references vg_need(id) deferrable initially deferred,
      support_count int not null default 0 check (support_count >= 0),
      created_at timestamptz not null default now(),
      check ((status = 'MERGED') = (merged_into_id is not null)), check (merged_into_id <> id),
      check ((priority is null) = (assessed_at is null)))`);
    this.addSql('create index vg_need_round_idx on vg_need (round_id, community_id, created_at)');
    this.addSql('create index vg_need_community_idx on vg_need (community_id, created_at)');

    this.addSql(`create table vg_need_support (
      need_id uuid not null references vg_need(id) deferrable initially deferred,
      resident_id uuid not null references resident(id) deferrable initially deferred,
      district_id uuid not null references district(id) deferrable initially deferred,
      created_at timestamptz not null default now(),
      constraint vg_need_support_once primary key (need_id, resident_id))`);
    this.addSql('create index vg_need_support_resident_idx on vg_need_support (resident_id)');
  }
}

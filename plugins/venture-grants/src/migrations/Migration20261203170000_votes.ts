import { Migration } from '@gongzhi/plugin-sdk';

/**
 * The public vote (微实事票选): one ballot per resident and project (primary key), and per
 * resident and round a counter that can never pass the votes the district allowed when the
 * resident first voted (check constraint), however many ballots arrive at once.
 * Unreleased (1.0.0): once released, never edit, add a new migration.
 */
export class Migration20261203170000_votes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table vg_vote (
      round_id uuid not null references vg_round(id) deferrable initially deferred,
      application_id uuid not null references vg_application(id) deferrable initially deferred,
      resident_id uuid not null references resident(id) deferrable initially deferred,
      district_id uuid not null references district(id) deferrable initially deferred,
      created_at timestamptz not null default now(),
      constraint vg_vote_once primary key (application_id, resident_id))`);
    this.addSql('create index vg_vote_round_idx on vg_vote (round_id, application_id)');
    this.addSql(`create table vg_voter (
      round_id uuid not null references vg_round(id) deferrable initially deferred,
      resident_id uuid not null references resident(id) deferrable initially deferred,
      district_id uuid not null references district(id) deferrable initially deferred,
      allowed int not null check (allowed between 1 and 20),
      used int not null check (used between 0 and allowed),
      primary key (round_id, resident_id))`);
  }
}

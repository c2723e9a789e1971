import { Migration } from '@gongzhi/plugin-sdk';

/**
 * Social organisations' applications to a round, their budget lines, target communities and
 * the needs they answer. Each line's amount is computed by the database (integer fen × a whole
 * quantity); the application's total is written from their sum and bounded by the round's cap,
 * copied onto the row when it is drafted (a round's terms change only before applications open).
 * Unreleased (1.0.0): once released, never edit, add a new migration.
 */
export class Migration20261203160000_applications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table vg_application (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      round_id uuid not null references vg_round(id) deferrable initially deferred,
      organization_id uuid not null references social_organization(id) deferrable initially deferred,
      title text not null check (length(title) between 1 and 100),
      category text not null check (category in ('ELDERLY','WOMEN','CHILDREN_YOUTH','NEW_RESIDENTS','DISABLED','HARDSHIP','CENTRAL_TASK')),
      summary text not null check (length(summary) between 1 and 2000),
      expected_beneficiaries int not null check (expected_beneficiaries between 1 and 1000000),
      status text not null default 'DRAFT' check (status in ('DRAFT','SUBMITTED','WITHDRAWN')),
      cap_fen bigint not null check (cap_fen > 0),
      total_fen bigint not null default 0,
      created_by_account_id uuid not null references account(id) deferrable initially deferred,
      created_at timestamptz not null default now(), submitted_at timestamptz null, withdrawn_at timestamptz null,
      constraint vg_application_within_cap check (total_fen between 0 and cap_fen),
      check ((status = 'SUBMITTED') <= (submitted_at is not null and total_fen > 0)))`);
    this.addSql('create index vg_application_round_idx on vg_application (round_id, status, created_at)');
    this.addSql('create index vg_application_org_idx on vg_application (organization_id, created_at)');

    this.addSql(`create table vg_budget_line (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      application_id uuid not null references vg_application(id) on delete cascade deferrable initially deferred,
      position int not null check (position between 0 and 99),
      item text not null check (length(item) between 1 and 100),
      unit_price_fen bigint not null check (unit_price_fen between 1 and 2000000000),
      quantity int not null check (quantity between 1 and 100000),
      amount_fen bigint generated always as (unit_price_fen * quantity) stored,
      constraint vg_budget_line_position unique (application_id, position))`);

    this.addSql(`create table vg_application_community (
      application_id uuid not null references vg_application(id) on delete cascade deferrable initially deferred,
      community_id uuid not null references community(id) deferrable initially deferred,
      district_id uuid not null references district(id) deferrable initially deferred,
      primary key (application_id, community_id))`);
    this.addSql(`create table vg_application_need (
      application_id uuid not null references vg_application(id) on delete cascade deferrable initially deferred,
      need_id uuid not null references vg_need(id) deferrable initially deferred,
      district_id uuid not null references district(id) deferrable initially deferred,
      primary key (application_id, need_id))`);
    this.addSql('create index vg_application_need_need_idx on vg_application_need (need_id)');
  }
}

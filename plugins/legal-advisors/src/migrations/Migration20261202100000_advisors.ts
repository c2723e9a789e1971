import { Migration } from '@gongzhi/plugin-sdk';

/**
 * Legal-service offices, lawyers and their community terms (prefix `la_`).
 * Released: never edit, add a new migration.
 */
export class Migration20261202100000_advisors extends Migration {
  override async up(): Promise<void> {
    // Exclusion constraints below mix `=` on uuids with `&&` on ranges.
    this.addSql('create extension if not exists btree_gist');

    this.addSql(`create table la_office (
      id uuid primary key, district_id uuid not null references district(id),
      kind text not null check (kind in ('LAW_FIRM','JUSTICE_OFFICE','LEGAL_SERVICE_OFFICE')),
      name text not null, address text null, phone text null,
      created_at timestamptz not null default now(), unique (district_id, name))`);

    this.addSql(`create table la_lawyer (
      id uuid primary key, district_id uuid not null references district(id),
      office_id uuid not null references la_office(id), name text not null,
      certificate_number text not null check (certificate_number ~ '^[0-9]{17}$'),
      phone text null, phone_hash text null, specialities text[] not null default '{}',
      account_id uuid null references account(id),
      created_at timestamptz not null default now(), unique (district_id, certificate_number))`);
    this.addSql('create index la_lawyer_office_idx on la_lawyer (office_id, name)');
    this.addSql('create index la_lawyer_account_idx on la_lawyer (account_id) where account_id is not null');

    // One active advisor per community at any moment, whoever writes: terms of one
    // community never overlap (a half-open date range; an open term has no end).
    this.addSql(`create table la_assignment (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      lawyer_id uuid not null references la_lawyer(id),
      starts_on date not null, ends_on date null, end_reason text null,
      created_at timestamptz not null default now(),
      check (ends_on is null or ends_on > starts_on),
      constraint la_assignment_one_advisor exclude using gist
        (community_id with =, daterange(starts_on, ends_on, '[)') with &&))`);
    this.addSql('create index la_assignment_lawyer_idx on la_assignment (lawyer_id, starts_on)');
    this.addSql('create index la_assignment_street_idx on la_assignment (street_id, community_id)');
    this.addSql('create index la_assignment_district_idx on la_assignment (district_id, community_id)');
  }
}

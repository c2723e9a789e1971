import { Migration } from '@gongzhi/plugin-sdk';

/**
 * Office hours (坐班): weekly patterns per community, dated slots with a capacity, and
 * residents' bookings. Released: never edit, add a new migration.
 */
export class Migration20261203090000_office_hours extends Migration {
  override async up(): Promise<void> {
    // Wall-clock times as 'HH:MM' text: Beijing time has no DST, and the graph shows them as entered.
    this.addSql(`create table la_office_hour_pattern (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      weekday smallint not null check (weekday between 1 and 7),
      start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), capacity int not null check (capacity between 1 and 200),
      location text null, created_at timestamptz not null default now(),
      check (end_time > start_time), constraint la_office_hour_pattern_once unique (community_id, weekday, start_time))`);

    // A lawyer sits in one place at a time, whichever community's slot it is (cancelled
    // slots free the time). `booked` is kept by guarded updates and can never pass capacity.
    this.addSql(`create table la_office_hour (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      lawyer_id uuid not null references la_lawyer(id), pattern_id uuid null references la_office_hour_pattern(id) on delete set null,
      starts_at timestamptz not null, ends_at timestamptz not null,
      capacity int not null check (capacity between 1 and 200), booked int not null default 0,
      location text null, status text not null default 'SCHEDULED' check (status in ('SCHEDULED','CANCELLED')),
      cancel_reason text null, created_at timestamptz not null default now(),
      check (ends_at > starts_at), check (booked between 0 and capacity),
      unique (pattern_id, starts_at),
      constraint la_office_hour_lawyer_free exclude using gist
        (lawyer_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (status = 'SCHEDULED'))`);
    this.addSql('create index la_office_hour_community_idx on la_office_hour (community_id, starts_at)');
    this.addSql('create index la_office_hour_district_idx on la_office_hour (district_id, starts_at)');

    // The category only: what the resident wants to discuss belongs to a confidential
    // consultation, never to a booking that community workers can list.
    this.addSql(`create table la_booking (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      office_hour_id uuid not null references la_office_hour(id), resident_id uuid not null references resident(id),
      category text not null check (category in ('MARRIAGE_FAMILY','INHERITANCE','LABOUR','PROPERTY_NEIGHBOURS','CONTRACTS','ELDERLY_RIGHTS','OTHER')),
      status text not null default 'BOOKED' check (status in ('BOOKED','CANCELLED')),
      booked_by_account_id uuid not null references account(id), on_behalf boolean not null,
      created_at timestamptz not null default now(), cancelled_at timestamptz null)`);
    this.addSql(`create unique index la_booking_once on la_booking (office_hour_id, resident_id) where status = 'BOOKED'`);
    this.addSql('create index la_booking_resident_idx on la_booking (resident_id, created_at)');
  }
}

import { Migration } from '@gongzhi/plugin-sdk';

/**
 * Consultations: a resident's matter with the community's advisor, its workflow and rating.
 * What was asked and advised is encrypted at rest (question, advice, rating comment).
 * Released: never edit, add a new migration.
 */
export class Migration20261203100000_consultations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table la_consultation (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      resident_id uuid not null references resident(id), lawyer_id uuid not null references la_lawyer(id),
      booking_id uuid null unique references la_booking(id),
      category text not null check (category in ('MARRIAGE_FAMILY','INHERITANCE','LABOUR','PROPERTY_NEIGHBOURS','CONTRACTS','ELDERLY_RIGHTS','OTHER')),
      status text not null default 'REQUESTED' check (status in ('REQUESTED','SCHEDULED','IN_PROGRESS','RESOLVED','REFERRED','CLOSED')),
      referred_to text null check (referred_to in ('LEGAL_AID','MEDIATION','LITIGATION_ARBITRATION')),
      question text not null, advice text null,
      requested_by_account_id uuid not null references account(id), on_behalf boolean not null,
      requested_at timestamptz not null default now(), scheduled_for timestamptz null, scheduled_at timestamptz null,
      started_at timestamptz null, concluded_at timestamptz null, closed_at timestamptz null,
      rating smallint null check (rating between 1 and 5), rating_comment text null,
      check (referred_to is null or status in ('REFERRED','CLOSED')),
      check ((rating is null) = (closed_at is null)))`);
    this.addSql('create index la_consultation_queue_idx on la_consultation (community_id, status, requested_at)');
    this.addSql('create index la_consultation_lawyer_idx on la_consultation (lawyer_id, status, requested_at)');
    this.addSql('create index la_consultation_resident_idx on la_consultation (resident_id, requested_at)');
    this.addSql('create index la_consultation_district_idx on la_consultation (district_id, requested_at)');
  }
}

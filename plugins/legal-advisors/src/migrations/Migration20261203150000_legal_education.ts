import { Migration } from '@gongzhi/plugin-sdk';

/** Legal-education sessions (法治宣传) held in a community by a lawyer, with the residents recorded as attending. */
export class Migration20261203150000_legal_education extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table la_education_session (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      street_id uuid not null references street(id) deferrable initially deferred,
      community_id uuid not null references community(id) deferrable initially deferred,
      lawyer_id uuid not null references la_lawyer(id) deferrable initially deferred,
      topic text not null check (char_length(topic) between 1 and 100),
      starts_at timestamptz not null, ends_at timestamptz not null, location text null,
      attendance int not null check (attendance between 0 and 5000),
      recorded_by_account_id uuid not null references account(id) deferrable initially deferred,
      created_at timestamptz not null default now(),
      check (ends_at > starts_at and ends_at <= starts_at + interval '12 hours'))`);
    this.addSql('create index la_education_session_community_idx on la_education_session (community_id, starts_at)');
    this.addSql('create index la_education_session_lawyer_idx on la_education_session (lawyer_id, starts_at)');
    this.addSql('create index la_education_session_district_idx on la_education_session (district_id, starts_at)');

    this.addSql(`create table la_education_attendee (
      district_id uuid not null references district(id) deferrable initially deferred,
      session_id uuid not null references la_education_session(id) deferrable initially deferred,
      resident_id uuid not null references resident(id) deferrable initially deferred,
      primary key (session_id, resident_id))`);
    this.addSql('create index la_education_attendee_resident_idx on la_education_attendee (resident_id)');
  }
}

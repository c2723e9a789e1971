import { Migration } from '@gongzhi/plugin-sdk';

/**
 * Mediation cases (调解): parties, sessions and the outcome. What the parties said (summary,
 * session notes, agreement) and outside persons' names and phones are encrypted at rest.
 */
export class Migration20261203140000_mediation extends Migration {
  override async up(): Promise<void> {
    // The mediator is a lawyer of the district or a named person (a people's mediator), never both.
    this.addSql(`create table la_mediation (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      street_id uuid not null references street(id) deferrable initially deferred,
      community_id uuid not null references community(id) deferrable initially deferred,
      dispute_type text not null check (dispute_type in ('NEIGHBOURS','MARRIAGE_FAMILY','PROPERTY_MANAGEMENT','LABOUR','LAND_HOUSING','DAMAGES','CONTRACTS','OTHER')),
      summary text not null,
      lawyer_id uuid null references la_lawyer(id) deferrable initially deferred, mediator_name text null,
      status text not null default 'OPEN' check (status in ('OPEN','IN_MEDIATION','AGREED','NO_AGREEMENT','REFERRED','WITHDRAWN')),
      referred_to text null check (referred_to in ('COURT','ARBITRATION','ADMINISTRATIVE','LEGAL_AID','HIGHER_COMMITTEE')),
      referral_target text null, outcome_note text null,
      opened_by_account_id uuid not null references account(id) deferrable initially deferred,
      opened_at timestamptz not null default now(), started_at timestamptz null, concluded_at timestamptz null,
      check (num_nonnulls(lawyer_id, mediator_name) = 1),
      check ((referred_to is not null) = (status = 'REFERRED')),
      check ((concluded_at is null) = (status in ('OPEN','IN_MEDIATION'))))`);
    this.addSql('create index la_mediation_community_idx on la_mediation (community_id, status, opened_at)');
    this.addSql('create index la_mediation_lawyer_idx on la_mediation (lawyer_id, status, opened_at)');
    this.addSql('create index la_mediation_district_idx on la_mediation (district_id, opened_at)');

    // A party is a resident of the district or an outside person (name and phone, encrypted).
    this.addSql(`create table la_mediation_party (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      mediation_id uuid not null references la_mediation(id) deferrable initially deferred,
      position smallint not null, side text not null check (side in ('APPLICANT','RESPONDENT')),
      resident_id uuid null references resident(id) deferrable initially deferred,
      name text null, phone text null, phone_hash text null,
      check ((resident_id is null) = (name is not null)), check ((name is null) = (phone is null)),
      unique (mediation_id, position), unique (mediation_id, resident_id))`);
    this.addSql('create index la_mediation_party_resident_idx on la_mediation_party (resident_id)');

    this.addSql(`create table la_mediation_session (
      id uuid primary key, district_id uuid not null references district(id) deferrable initially deferred,
      mediation_id uuid not null references la_mediation(id) deferrable initially deferred,
      held_on date not null, notes text not null,
      recorded_by_account_id uuid not null references account(id) deferrable initially deferred,
      created_at timestamptz not null default now())`);
    this.addSql('create index la_mediation_session_case_idx on la_mediation_session (mediation_id, held_on)');
  }
}

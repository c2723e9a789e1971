import { Migration } from '@mikro-orm/migrations';

/**
 * Who may act for a resident (family, guardian), with the resident's consent on record: a core
 * concept every program can ask (`ctx.core.relation`), instead of each trusting a label.
 * Both residents are of one district; one live relation per pair.
 */
export class Migration20261203150000_resident_relation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create unique index resident_id_district_uq on resident (id, district_id);
create table resident_relation (
  id uuid primary key,
  district_id uuid not null references district (id),
  resident_id uuid not null,
  relative_id uuid not null,
  kind text not null check (kind in ('SPOUSE','CHILD','PARENT','SIBLING','GRANDCHILD','OTHER_FAMILY','GUARDIAN')),
  consent_method text not null check (consent_method in ('IN_PERSON','WRITTEN','GUARDIANSHIP_ORDER')),
  consent_reference text check (char_length(consent_reference) <= 100),
  consented_at timestamptz not null,
  recorded_by uuid not null,
  ended_at timestamptz,
  ended_by uuid,
  end_reason text check (end_reason in ('CONSENT_WITHDRAWN','RELATIVE_STEPPED_BACK','RECORDED_IN_ERROR','OTHER')),
  foreign key (resident_id, district_id) references resident (id, district_id),
  foreign key (relative_id, district_id) references resident (id, district_id),
  check (resident_id <> relative_id),
  check ((ended_at is null) = (end_reason is null))
);
create unique index resident_relation_live_uq on resident_relation (resident_id, relative_id) where ended_at is null;
create index resident_relation_relative_idx on resident_relation (relative_id) where ended_at is null;
`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/** The shared tree, people, organisations, program enablement, settings and the event outbox. */
export class Migration20261122000000_core_tree extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table district (
  id uuid primary key,
  name text not null,
  division_code char(6) not null unique check (division_code ~ '^[1-8][0-9]{5}$'),
  created_at timestamptz not null default now()
);
create table street (
  id uuid primary key,
  district_id uuid not null references district(id) deferrable initially deferred,
  name text not null,
  kind text not null check (kind in ('STREET','TOWN')),
  created_at timestamptz not null default now(),
  unique (district_id, name)
);
create table community (
  id uuid primary key,
  district_id uuid not null references district(id) deferrable initially deferred,
  street_id uuid not null references street(id) deferrable initially deferred,
  name text not null,
  kind text not null check (kind in ('URBAN','RURAL')),
  created_at timestamptz not null default now(),
  unique (street_id, name)
);
create index community_district_idx on community (district_id, name, id);
create table grid (
  id uuid primary key,
  district_id uuid not null references district(id) deferrable initially deferred,
  street_id uuid not null references street(id) deferrable initially deferred,
  community_id uuid not null references community(id) deferrable initially deferred,
  name text not null,
  leader_name text,
  households integer not null default 0 check (households >= 0),
  created_at timestamptz not null default now(),
  unique (community_id, name)
);
create table resident (
  id uuid primary key,
  district_id uuid not null references district(id) deferrable initially deferred,
  street_id uuid not null references street(id) deferrable initially deferred,
  community_id uuid not null references community(id) deferrable initially deferred,
  grid_id uuid references grid(id) deferrable initially deferred,
  name text not null,
  gender text not null check (gender in ('MALE','FEMALE')),
  birth_date date not null,
  id_number text,
  phone text,
  care_tags text[] not null default '{}',
  address text,
  created_at timestamptz not null default now()
);
create index resident_district_idx on resident (district_id, name, id);
create index resident_community_idx on resident (community_id, name, id);
create index resident_street_idx on resident (street_id);
create index resident_care_tags_idx on resident using gin (care_tags);
create unique index resident_id_number_uq on resident (district_id, id_number) where id_number is not null;
create table social_organization (
  id uuid primary key,
  district_id uuid not null references district(id) deferrable initially deferred,
  name text not null,
  registration text not null check (registration in ('REGISTERED','FILED')),
  category text not null check (category in ('CHARITY','SOCIAL_SERVICES','COMMUNITY_BASED')),
  credit_code text,
  created_at timestamptz not null default now(),
  unique (district_id, name)
);
create table social_organization_community (
  organization_id uuid not null references social_organization(id) on delete cascade deferrable initially deferred,
  community_id uuid not null references community(id) deferrable initially deferred,
  district_id uuid not null references district(id) deferrable initially deferred,
  primary key (organization_id, community_id)
);
create index social_organization_community_c_idx on social_organization_community (community_id);
create table social_worker (
  id uuid primary key,
  district_id uuid not null references district(id) deferrable initially deferred,
  name text not null,
  certification text not null check (certification in ('ASSISTANT','INTERMEDIATE','SENIOR')),
  post_type text not null check (post_type in ('ALL_ROUND','VISITING','PROJECT')),
  employer_kind text not null check (employer_kind in ('SOCIAL_ORGANIZATION','COMMUNITY')),
  employer_organization_id uuid references social_organization(id) deferrable initially deferred,
  employer_community_id uuid references community(id) deferrable initially deferred,
  created_at timestamptz not null default now(),
  check ((employer_kind = 'SOCIAL_ORGANIZATION') = (employer_organization_id is not null)),
  check ((employer_kind = 'COMMUNITY') = (employer_community_id is not null))
);
create index social_worker_district_idx on social_worker (district_id, name, id);
create table program_enablement (
  district_id uuid not null references district(id) deferrable initially deferred,
  program text not null,
  enabled boolean not null,
  changed_at timestamptz not null default now(),
  changed_by text not null,
  primary key (district_id, program)
);
create table program_enablement_change (
  id uuid primary key,
  district_id uuid not null references district(id) deferrable initially deferred,
  program text not null,
  enabled boolean not null,
  changed_by text not null,
  changed_at timestamptz not null default now()
);
create table program_setting (
  district_id uuid not null references district(id) deferrable initially deferred,
  program text not null,
  values jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by text not null,
  primary key (district_id, program)
);
create table outbox_event (
  id bigserial primary key,
  seq bigint unique,
  name text not null,
  program text not null,
  district_id uuid not null,
  street_id uuid,
  community_id uuid,
  payload jsonb not null,
  occurred_at timestamptz not null default now()
);
create index outbox_event_unsequenced_idx on outbox_event (id) where seq is null;
create sequence outbox_event_seq;
create table event_handling (
  handler text not null,
  event_seq bigint not null,
  status text not null check (status in ('DONE','SKIPPED','RETRYING','PARKED')),
  attempts integer not null default 0,
  last_error text,
  next_attempt_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (handler, event_seq)
);
create index event_handling_retry_idx on event_handling (next_attempt_at) where status = 'RETRYING';
`);
  }
}

import { Migration } from '@gongzhi/plugin-sdk';

/** Where a row sits in the territory tree. */
const PLACE = `district_id uuid not null references district(id),
      street_id uuid not null references street(id),
      community_id uuid not null references community(id),`;
/** The same, for things a community or a social organisation runs. */
const RUN_BY = `${PLACE}
      organization_id uuid references social_organization(id),`;

/** Volunteer bank, first release: volunteers, teams, activities, the ledger, wishes, stores. */
export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table vb_volunteer (
      id uuid primary key default gen_random_uuid(),
      ${PLACE}
      resident_id uuid not null references resident(id),
      name text not null,
      skills text[] not null default '{}',
      service_areas text[] not null default '{}',
      verified_minutes integer not null default 0 check (verified_minutes >= 0),
      banked_minutes integer not null default 0,
      star_level smallint not null default 0 check (star_level between 0 and 5),
      registered_at timestamptz not null default now(),
      constraint vb_volunteer_resident_unique unique (district_id, resident_id),
      constraint vb_volunteer_banked_le_verified check (banked_minutes >= 0 and banked_minutes <= verified_minutes))`);
    this.addSql('create index vb_volunteer_community_idx on vb_volunteer (community_id)');
    this.addSql('create index vb_volunteer_street_idx on vb_volunteer (street_id)');

    this.addSql(`create table vb_team (
      id uuid primary key default gen_random_uuid(),
      ${RUN_BY}
      name text not null,
      leader_volunteer_id uuid references vb_volunteer(id),
      created_at timestamptz not null default now())`);
    this.addSql('create index vb_team_community_idx on vb_team (community_id)');
    this.addSql(`create table vb_team_member (
      team_id uuid not null references vb_team(id),
      volunteer_id uuid not null references vb_volunteer(id),
      joined_at timestamptz not null default now(),
      primary key (team_id, volunteer_id))`);

    this.addSql(`create table vb_activity (
      id uuid primary key default gen_random_uuid(),
      ${RUN_BY}
      title text not null,
      category text not null check (category in ('POLICY','LEGAL','HEALTH','HOUSEKEEPING','ELDERLY_CHILD_CARE','POVERTY_RELIEF','CULTURE_SPORTS','MEDIATION','PATROL')),
      place text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity integer not null check (capacity > 0),
      signed_up integer not null default 0,
      status text not null default 'OPEN' check (status in ('OPEN','CLOSED')),
      created_at timestamptz not null default now(),
      constraint vb_activity_slot check (ends_at > starts_at),
      constraint vb_activity_within_capacity check (signed_up >= 0 and signed_up <= capacity))`);
    this.addSql('create index vb_activity_community_idx on vb_activity (community_id, starts_at)');

    this.addSql(`create table vb_sign_up (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references district(id),
      activity_id uuid not null references vb_activity(id),
      volunteer_id uuid not null references vb_volunteer(id),
      status text not null default 'SIGNED_UP' check (status in ('SIGNED_UP','WITHDRAWN','CHECKED_IN','CHECKED_OUT','VERIFIED')),
      signed_up_at timestamptz not null default now(),
      checked_in_at timestamptz,
      checked_out_at timestamptz,
      verified_minutes integer check (verified_minutes >= 0),
      adjustment_reason text,
      verified_at timestamptz,
      verification_key text,
      verification_fingerprint text)`);
    this.addSql(`create unique index vb_sign_up_active_unique on vb_sign_up (activity_id, volunteer_id) where status <> 'WITHDRAWN'`);
    this.addSql('create index vb_sign_up_volunteer_idx on vb_sign_up (volunteer_id)');

    this.addSql(`create table vb_store (
      id uuid primary key default gen_random_uuid(),
      ${RUN_BY}
      name text not null,
      created_at timestamptz not null default now())`);
    this.addSql('create index vb_store_community_idx on vb_store (community_id)');

    this.addSql(`create table vb_account (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references district(id),
      kind text not null check (kind in ('VOLUNTEER','TIME_BANK','ISSUANCE','STORE')),
      unit text not null check (unit in ('POINTS','MINUTES')),
      volunteer_id uuid references vb_volunteer(id),
      store_id uuid references vb_store(id),
      balance integer not null default 0,
      created_at timestamptz not null default now(),
      constraint vb_account_balance_nonnegative check (kind = 'ISSUANCE' or balance >= 0))`);
    this.addSql(`create unique index vb_account_issuance_unique on vb_account (district_id, unit) where kind = 'ISSUANCE'`);
    this.addSql('create unique index vb_account_volunteer_unique on vb_account (volunteer_id, kind) where volunteer_id is not null');
    this.addSql('create unique index vb_account_store_unique on vb_account (store_id) where store_id is not null');

    this.addSql(`create table vb_transfer (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      district_id uuid not null references district(id),
      from_account_id uuid not null references vb_account(id),
      to_account_id uuid not null references vb_account(id),
      amount integer not null check (amount > 0),
      unit text not null check (unit in ('POINTS','MINUTES')),
      kind text not null,
      idempotency_key text not null,
      fingerprint text not null,
      reversal_of uuid references vb_transfer(id),
      memo text,
      from_balance_after integer,
      to_balance_after integer,
      created_at timestamptz not null default now(),
      constraint vb_transfer_distinct_accounts check (from_account_id <> to_account_id),
      constraint vb_transfer_key_unique unique (district_id, idempotency_key),
      constraint vb_transfer_reversal_unique unique (reversal_of))`);
    this.addSql('create index vb_transfer_from_idx on vb_transfer (from_account_id, seq)');
    this.addSql('create index vb_transfer_to_idx on vb_transfer (to_account_id, seq)');
    this.addSql('create index vb_transfer_district_time_idx on vb_transfer (district_id, created_at)');
    this.addSql(`create function vb_transfer_immutable() returns trigger language plpgsql as $$
      begin raise exception 'vb_transfer rows are immutable: post a reversing transfer instead'; end $$`);
    this.addSql(`create trigger vb_transfer_no_update before update or delete on vb_transfer
      for each row execute function vb_transfer_immutable()`);

    this.addSql(`create table vb_store_item (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references district(id),
      store_id uuid not null references vb_store(id),
      name text not null,
      points_price integer not null check (points_price > 0),
      stock integer not null check (stock >= 0),
      created_at timestamptz not null default now())`);
    this.addSql('create index vb_store_item_store_idx on vb_store_item (store_id)');

    this.addSql(`create table vb_redemption (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references district(id),
      store_id uuid not null references vb_store(id),
      item_id uuid not null references vb_store_item(id),
      volunteer_id uuid not null references vb_volunteer(id),
      quantity integer not null check (quantity > 0),
      points integer not null check (points > 0),
      status text not null default 'REDEEMED' check (status in ('REDEEMED','CANCELLED')),
      transfer_id uuid not null unique references vb_transfer(id),
      refund_transfer_id uuid unique references vb_transfer(id),
      created_at timestamptz not null default now(),
      cancelled_at timestamptz)`);
    this.addSql('create index vb_redemption_volunteer_idx on vb_redemption (volunteer_id, created_at)');

    this.addSql(`create table vb_wish (
      id uuid primary key default gen_random_uuid(),
      ${PLACE}
      resident_id uuid not null references resident(id),
      category text not null check (category in ('DAILY_NEEDS','STUDY','HEALTH','COMPANIONSHIP','HOME_REPAIR','OTHER')),
      description text not null,
      requested_by date not null,
      status text not null default 'PUBLISHED' check (status in ('PUBLISHED','CLAIMED','FULFILLED','CONFIRMED','EXPIRED')),
      claimant_kind text check (claimant_kind in ('VOLUNTEER','TEAM','ORGANIZATION')),
      claimed_by_volunteer_id uuid references vb_volunteer(id),
      claimed_by_team_id uuid references vb_team(id),
      claimed_by_organization_id uuid references social_organization(id),
      claimed_at timestamptz,
      fulfilled_at timestamptz,
      confirmed_at timestamptz,
      confirmation_transfer_id uuid references vb_transfer(id),
      created_at timestamptz not null default now())`);
    this.addSql('create index vb_wish_community_status_idx on vb_wish (community_id, status)');
    this.addSql(`create index vb_wish_expiry_idx on vb_wish (district_id, requested_by) where status = 'PUBLISHED'`);
  }
}

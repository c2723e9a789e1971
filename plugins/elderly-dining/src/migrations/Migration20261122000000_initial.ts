import { Migration } from '@gongzhi/plugin-sdk';

/** Tables of the elderly-care dining program (prefix `ed_`). Released: never edit, add a new migration. */
export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table ed_central_kitchen (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid null references street(id), name text not null, address text null,
      operator_kind text not null check (operator_kind in ('SOCIAL_ORGANIZATION','COMPANY')),
      operator_organization_id uuid null references social_organization(id), operator_name text not null,
      created_at timestamptz not null default now())`);
    this.addSql('create index ed_central_kitchen_district_idx on ed_central_kitchen (district_id, id)');

    this.addSql(`create table ed_canteen (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      kitchen_id uuid null references ed_central_kitchen(id), name text not null, address text null,
      operator_kind text not null check (operator_kind in ('SOCIAL_ORGANIZATION','COMPANY')),
      operator_organization_id uuid null references social_organization(id), operator_name text not null,
      seats int not null check (seats >= 0), opening_days text[] not null,
      capacity_breakfast int not null check (capacity_breakfast >= 0),
      capacity_lunch int not null check (capacity_lunch >= 0),
      capacity_dinner int not null check (capacity_dinner >= 0),
      cutoff_breakfast text not null, cutoff_lunch text not null, cutoff_dinner text not null,
      created_at timestamptz not null default now())`);
    this.addSql('create index ed_canteen_district_idx on ed_canteen (district_id, id)');
    this.addSql('create index ed_canteen_operator_idx on ed_canteen (operator_organization_id)');

    this.addSql(`create table ed_canteen_community (
      canteen_id uuid not null references ed_canteen(id) on delete cascade,
      community_id uuid not null references community(id), district_id uuid not null references district(id),
      primary key (canteen_id, community_id))`);
    this.addSql('create index ed_canteen_community_community_idx on ed_canteen_community (community_id)');

    this.addSql(`create table ed_menu (
      id uuid primary key, district_id uuid not null references district(id),
      canteen_id uuid not null references ed_canteen(id), date date not null,
      meal text not null check (meal in ('BREAKFAST','LUNCH','DINNER')),
      status text not null check (status in ('DRAFT','PUBLISHED')), published_at timestamptz null,
      created_at timestamptz not null default now(), unique (canteen_id, date, meal))`);

    this.addSql(`create table ed_dish (
      id uuid primary key, district_id uuid not null references district(id),
      menu_id uuid not null references ed_menu(id) on delete cascade, position int not null,
      name text not null, price_fen int not null check (price_fen >= 0), diet_tags text[] not null default '{}')`);
    this.addSql('create index ed_dish_menu_idx on ed_dish (menu_id, position)');

    this.addSql(`create table ed_enrolment (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      canteen_id uuid not null references ed_canteen(id), resident_id uuid not null references resident(id),
      status text not null check (status in ('ACTIVE','WITHDRAWN')),
      dietary_restrictions text[] not null default '{}', delivery_address text null,
      age80 boolean not null, low_income boolean not null, extreme_poverty boolean not null,
      disabled boolean not null, living_alone boolean not null,
      enrolled_at timestamptz not null default now(), withdrawn_at timestamptz null)`);
    this.addSql(`create unique index ed_enrolment_active_uq on ed_enrolment (resident_id) where status = 'ACTIVE'`);
    this.addSql('create index ed_enrolment_canteen_idx on ed_enrolment (canteen_id, id)');
    this.addSql('create index ed_enrolment_district_idx on ed_enrolment (district_id, id)');

    this.addSql(`create table ed_meal_slot (
      canteen_id uuid not null references ed_canteen(id), date date not null,
      meal text not null check (meal in ('BREAKFAST','LUNCH','DINNER')),
      district_id uuid not null references district(id),
      capacity int not null check (capacity >= 0), used int not null default 0 check (used >= 0),
      primary key (canteen_id, date, meal))`);
    this.addSql('create index ed_meal_slot_district_date_idx on ed_meal_slot (district_id, date)');

    this.addSql(`create table ed_order (
      id uuid primary key, district_id uuid not null references district(id),
      street_id uuid not null references street(id), community_id uuid not null references community(id),
      canteen_id uuid not null references ed_canteen(id), menu_id uuid not null references ed_menu(id),
      enrolment_id uuid not null references ed_enrolment(id), resident_id uuid not null references resident(id),
      date date not null, meal text not null check (meal in ('BREAKFAST','LUNCH','DINNER')),
      mode text not null check (mode in ('DINE_IN','DELIVERY')),
      status text not null check (status in ('PLACED','CANCELLED','SERVED','OUT_FOR_DELIVERY','DELIVERED','DELIVERY_FAILED')),
      dish_ids uuid[] not null, price_fen int not null check (price_fen >= 0),
      subsidy_fen int not null check (subsidy_fen >= 0), payable_fen int not null check (payable_fen >= 0),
      subsidy_tier text null, placed_by text not null check (placed_by in ('ELDER','WORKER')),
      placed_by_account_id text null, delivery_address text null,
      deliverer_kind text null check (deliverer_kind in ('STAFF','VOLUNTEER')),
      deliverer_resident_id uuid null references resident(id), deliverer_name text null,
      served_at timestamptz null, out_for_delivery_at timestamptz null, delivered_at timestamptz null,
      failure_reason text null, failure_note text null, cancelled_at timestamptz null, cancel_reason text null,
      created_at timestamptz not null default now(),
      check (payable_fen = price_fen - subsidy_fen))`);
    this.addSql(`create unique index ed_order_one_per_meal_uq on ed_order (resident_id, date, meal) where status <> 'CANCELLED'`);
    this.addSql('create index ed_order_canteen_date_idx on ed_order (canteen_id, date, meal)');
    this.addSql('create index ed_order_district_date_idx on ed_order (district_id, date)');
  }

  override async down(): Promise<void> {
    for (const t of ['ed_order', 'ed_meal_slot', 'ed_enrolment', 'ed_dish', 'ed_menu', 'ed_canteen_community', 'ed_canteen', 'ed_central_kitchen']) {
      this.addSql(`drop table if exists ${t}`);
    }
  }
}

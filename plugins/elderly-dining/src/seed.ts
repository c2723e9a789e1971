import { resolveSettings, type SeedContext, addDays, ageOn, sqlRows, today } from '@gongzhi/plugin-sdk';
import { Canteen, capacityOf } from './entities/canteen.entity';
import { CanteenCommunity } from './entities/canteen-community.entity';
import { CentralKitchen } from './entities/central-kitchen.entity';
import { DiningDish } from './entities/dish.entity';
import { DiningEnrolment } from './entities/enrolment.entity';
import { DiningMenu } from './entities/menu.entity';
import { DiningOrder } from './entities/order.entity';
import {
  DietTag, EnrolmentStatus, Meal, MenuStatus, OperatorKind, OrderMode, OrderStatus, PlacedBy, WEEKDAYS,
} from './graphql/dining-enums.type';
import { computeSubsidy } from './services/subsidy.service';
import { diningSettings } from './settings';

const DISHES: [string, number, DietTag[]][][] = [
  [['清蒸鲈鱼', 1200, [DietTag.LOW_SALT, DietTag.SOFT]], ['西红柿炒蛋', 500, [DietTag.SOFT]], ['清炒时蔬', 300, [DietTag.VEGETARIAN, DietTag.LOW_SALT]], ['小米粥', 200, [DietTag.SOFT, DietTag.LOW_SUGAR]]],
  [['土豆炖牛肉', 1300, [DietTag.SOFT, DietTag.HALAL]], ['麻婆豆腐', 500, [DietTag.SOFT]], ['凉拌黄瓜', 300, [DietTag.VEGETARIAN, DietTag.LOW_SUGAR]], ['冬瓜汤', 200, [DietTag.LOW_SALT]]],
  [['红烧狮子头', 1100, [DietTag.SOFT, DietTag.MINCED]], ['蒜蓉西兰花', 400, [DietTag.VEGETARIAN, DietTag.LOW_FAT]], ['南瓜粥', 200, [DietTag.SOFT, DietTag.LOW_SALT]]],
];

type ResidentRow = { id: string; street_id: string; community_id: string; birth_date: string; care_tags: string[]; address: string | null };

/**
 * Demo data for the demo district: one central kitchen, up to 10 canteens (one per community),
 * published lunch and dinner menus for the coming week, enrolled elders and some orders for
 * tomorrow's lunch. Does nothing when the district already has a canteen (idempotent).
 */
export async function seedDining({ em, districtId, clock }: SeedContext): Promise<void> {
  const [{ n }] = await sqlRows<{ n: number }>(em, 'select count(*)::int as n from ed_canteen where district_id = ?', [districtId]);
  if (n > 0) return;
  const settings = resolveSettings(diningSettings, null);
  const day = today(clock.now());
  const communities = await sqlRows<{ id: string; street_id: string; name: string }>(em,
    'select id, street_id, name from community where district_id = ? order by name, id limit 10', [districtId]);
  if (communities.length === 0) return;
  const orgs = await sqlRows<{ id: string; name: string }>(em, 'select id, name from social_organization where district_id = ? order by name, id limit 1', [districtId]);
  const kitchen = em.create(CentralKitchen, {
    districtId, streetId: communities[0].street_id, name: '区中央厨房', address: null,
    operatorKind: OperatorKind.COMPANY, operatorOrganizationId: null, operatorName: '共治餐饮管理有限公司',
  });
  em.persist(kitchen);
  await em.flush(); // entities have no ORM relations: flush parents before rows referencing them
  for (const [i, community] of communities.entries()) {
    const operator = orgs[0] && i % 2 === 0
      ? { operatorKind: OperatorKind.SOCIAL_ORGANIZATION, operatorOrganizationId: orgs[0].id, operatorName: orgs[0].name }
      : { operatorKind: OperatorKind.COMPANY, operatorOrganizationId: null, operatorName: '共治餐饮管理有限公司' };
    const canteen = em.create(Canteen, {
      districtId, streetId: community.street_id, communityId: community.id, kitchenId: kitchen.id,
      name: `${community.name}长者食堂`, address: null, ...operator, seats: 40, openingDays: [...WEEKDAYS],
      capacityBreakfast: 0, capacityLunch: 120, capacityDinner: 60,
      cutoffBreakfast: settings.defaultCutoffBreakfast, cutoffLunch: settings.defaultCutoffLunch, cutoffDinner: settings.defaultCutoffDinner,
    });
    em.persist(canteen);
    await em.flush();
    em.persist(em.create(CanteenCommunity, { canteenId: canteen.id, communityId: community.id, districtId }));
    const menus = new Map<string, { menu: DiningMenu; dishes: DiningDish[] }>();
    for (let d = 0; d < 7; d++) {
      const date = addDays(day, d);
      for (const meal of [Meal.LUNCH, Meal.DINNER]) {
        const menu = em.create(DiningMenu, { districtId, canteenId: canteen.id, date, meal, status: MenuStatus.PUBLISHED, publishedAt: new Date() });
        em.persist(menu);
        const dishes = DISHES[(d + (meal === Meal.DINNER ? 1 : 0) + i) % DISHES.length].map(([name, priceFen, dietTags], position) =>
          em.create(DiningDish, { districtId, menuId: menu.id, position, name, priceFen, dietTags }, { persist: false }));
        menus.set(`${date}|${meal}`, { menu, dishes });
      }
    }
    await em.flush();
    for (const { dishes } of menus.values()) dishes.forEach((x) => em.persist(x));
    await em.flush();
    await enrolAndOrder(em, canteen, community.id, day, menus, settings);
  }
  await em.flush();
}

async function enrolAndOrder(
  em: SeedContext['em'], canteen: Canteen, communityId: string, today: string,
  menus: Map<string, { menu: DiningMenu; dishes: DiningDish[] }>, settings: ReturnType<typeof resolveSettings<typeof diningSettings>>,
): Promise<void> {
  const elders = await sqlRows<ResidentRow>(em,
    `select id, street_id, community_id, birth_date::text as birth_date, care_tags, address from resident
     where community_id = ? and birth_date <= (?::date - interval '60 years') order by id limit 12`, [communityId, today]);
  const tomorrow = addDays(today, 1);
  const enrolments: DiningEnrolment[] = [];
  const lunch = menus.get(`${tomorrow}|${Meal.LUNCH}`)!;
  let booked = 0;
  const orders: DiningOrder[] = [];
  for (const [j, r] of elders.entries()) {
    const tags = new Set(r.care_tags ?? []);
    const enrolment = em.create(DiningEnrolment, {
      districtId: canteen.districtId, streetId: r.street_id, communityId: r.community_id, canteenId: canteen.id, residentId: r.id,
      status: EnrolmentStatus.ACTIVE, dietaryRestrictions: j % 3 === 0 ? [DietTag.LOW_SALT] : [], deliveryAddress: r.address,
      age80: ageOn(r.birth_date, today) >= 80, lowIncome: tags.has('LOW_INCOME'), extremePoverty: tags.has('EXTREME_POVERTY'),
      disabled: tags.has('DISABLED'), livingAlone: tags.has('LIVING_ALONE'),
    });
    enrolments.push(enrolment);
    if (j >= 8 || capacityOf(canteen, Meal.LUNCH) <= booked) continue;
    const priceFen = lunch.dishes.reduce((s, d) => s + d.priceFen, 0);
    const subsidy = computeSubsidy(enrolment, settings, priceFen);
    const mode = enrolment.livingAlone && enrolment.deliveryAddress ? OrderMode.DELIVERY : OrderMode.DINE_IN;
    orders.push(em.create(DiningOrder, {
      districtId: canteen.districtId, streetId: r.street_id, communityId: r.community_id, canteenId: canteen.id,
      menuId: lunch.menu.id, enrolmentId: enrolment.id, residentId: r.id, date: tomorrow, meal: Meal.LUNCH, mode,
      status: OrderStatus.PLACED, dishIds: lunch.dishes.map((d) => d.id), priceFen, subsidyFen: subsidy.subsidyFen,
      payableFen: subsidy.payableFen, subsidyTier: subsidy.tier, placedBy: PlacedBy.WORKER, placedByAccountId: null,
      deliveryAddress: mode === OrderMode.DELIVERY ? enrolment.deliveryAddress : null,
    }, { persist: false }));
    booked++;
  }
  enrolments.forEach((e) => em.persist(e));
  await em.flush();
  orders.forEach((o) => em.persist(o));
  await em.flush();
  if (booked > 0) {
    await sqlRows(em, 'insert into ed_meal_slot (canteen_id, date, meal, district_id, capacity, used) values (?, ?, ?, ?, ?, ?) on conflict do nothing',
      [canteen.id, tomorrow, Meal.LUNCH, canteen.districtId, capacityOf(canteen, Meal.LUNCH), booked]);
  }
}

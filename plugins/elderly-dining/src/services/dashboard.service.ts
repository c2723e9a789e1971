import { filterOfNode, monthRange, scopeWhereSql, sqlRows, today, type DashboardFigure, type Clock, type DashboardSection, type EntityManager, type ScopeNode } from '@gongzhi/plugin-sdk';
import { SETTLED_STATUSES } from './report.service';

/** Dining figures for a node of the tree, each computed in SQL. */
export async function diningFigures(em: EntityManager, node: ScopeNode, { clock }: { clock: Clock }): Promise<DashboardFigure[]> {
  const day = today(clock.now());
  const [monthStart, nextMonth] = monthRange(day.slice(0, 7), 'month');
  const scope = filterOfNode(node, 'community');
  const { sql: orderWhere, params: orderParams } = scopeWhereSql(scope, 'o');
  const { sql: canteenWhere, params: canteenParams } = scopeWhereSql(scope, 'c');
  const [orders] = await sqlRows<{ meals: number; delivered: number; subsidy: number }>(em,
    `select count(*) filter (where o.date = ? and o.status <> 'CANCELLED')::int as meals,
            count(*) filter (where o.date = ? and o.status = 'DELIVERED')::int as delivered,
            coalesce(sum(o.subsidy_fen) filter (where o.status in (?)), 0)::int as subsidy
     from ed_order o where ${orderWhere} and o.date >= ? and o.date < ?`,
    [day, day, SETTLED_STATUSES, ...orderParams, monthStart, nextMonth]);
  const [seats] = await sqlRows<{ used: number; capacity: number }>(em,
    `select coalesce(sum(coalesce(s.used, 0)), 0)::int as used,
            coalesce(sum(coalesce(s.capacity, case m.meal when 'BREAKFAST' then c.capacity_breakfast when 'LUNCH' then c.capacity_lunch else c.capacity_dinner end)), 0)::int as capacity
     from ed_canteen c cross join (values ('BREAKFAST'), ('LUNCH'), ('DINNER')) m(meal)
     left join ed_meal_slot s on s.canteen_id = c.id and s.date = ? and s.meal = m.meal
     where ${canteenWhere}`,
    [day, ...canteenParams]);
  return [
    { key: 'mealsToday', label: { zh: '今日订餐', en: 'Meals today' }, value: orders.meals },
    { key: 'deliveredToday', label: { zh: '今日已送达', en: 'Delivered today' }, value: orders.delivered },
    { key: 'capacityUsedPercent', label: { zh: '今日供餐能力使用率', en: 'Capacity used today' }, unit: 'percent',
      value: seats.capacity > 0 ? Math.round((seats.used / seats.capacity) * 1000) / 10 : 0 },
    { key: 'subsidyThisMonthFen', label: { zh: '本月补贴', en: 'Subsidy this month' }, unit: 'fen', value: orders.subsidy },
  ];
}

export const diningDashboard: DashboardSection = {
  title: { zh: '老年助餐', en: 'Elderly-care dining' },
  compute: diningFigures,
};

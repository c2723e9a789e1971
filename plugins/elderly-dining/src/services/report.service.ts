import { badInput, decodeId, type GongzhiContext, type ScopeNode, loadOrFail, monthRange, parseLocalDate, requireAt, sqlRows } from '@gongzhi/plugin-sdk';
import type { CanteenSettlement, DailyMealCount, SettlementLine, SubsidySettlement } from '../graphql/report.type';
import type { Meal, SubsidyTier } from '../graphql/dining-enums.type';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { canteenScope } from './canteen-access';
import { Canteen } from '../entities/canteen.entity';

/** Statuses that count as a meal provided (settled): not cancelled, not a failed delivery. */
export const SETTLED_STATUSES = ['PLACED', 'SERVED', 'OUT_FOR_DELIVERY', 'DELIVERED'];

async function reportScope(ctx: GongzhiContext, districtGlobalId: string, canteenGlobalId?: string | null) {
  const districtId = decodeId(districtGlobalId, 'District');
  ctx.programs.assertEnabled(PROGRAM, districtId);
  let scope: ScopeNode = { districtId };
  let canteenId: string | null = null;
  if (canteenGlobalId) {
    const canteen = await loadOrFail(ctx, Canteen, decodeId(canteenGlobalId, 'Canteen'));
    if (canteen.districtId !== districtId) throw badInput('canteenId', 'is not a canteen of this district');
    scope = canteenScope(canteen);
    canteenId = canteen.id;
  }
  await requireAt(ctx, perms['report:read'], scope);
  return { districtId, canteenId };
}

/** Counts per canteen and meal for one day, in SQL. */
export async function dailyCounts(ctx: GongzhiContext, districtGlobalId: string, date: string, canteenGlobalId?: string | null): Promise<DailyMealCount[]> {
  const { districtId, canteenId } = await reportScope(ctx, districtGlobalId, canteenGlobalId);
  const day = parseLocalDate(date, 'date');
  const rows = await sqlRows<{ canteen_id: string; meal: Meal; ordered: number; served: number; delivered: number; failed: number; cancelled: number }>(ctx.em,
    `select o.canteen_id, o.meal,
       count(*) filter (where o.status <> 'CANCELLED')::int as ordered,
       count(*) filter (where o.status = 'SERVED')::int as served,
       count(*) filter (where o.status = 'DELIVERED')::int as delivered,
       count(*) filter (where o.status = 'DELIVERY_FAILED')::int as failed,
       count(*) filter (where o.status = 'CANCELLED')::int as cancelled
     from ed_order o join ed_canteen c on c.id = o.canteen_id
     where o.district_id = ? and o.date = ? ${canteenId ? 'and o.canteen_id = ?' : ''}
     group by o.canteen_id, c.name, o.meal
     order by c.name, o.canteen_id, array_position(array['BREAKFAST','LUNCH','DINNER'], o.meal)`,
    canteenId ? [districtId, day, canteenId] : [districtId, day]);
  return rows.map((r) => ({ canteenId: r.canteen_id, date: day, meal: r.meal, ordered: r.ordered, served: r.served, delivered: r.delivered, failed: r.failed, cancelled: r.cancelled }));
}

type LineRow = { canteen_id: string | null; tier: SubsidyTier | null; per_meal: number; meals: number; subsidy: number; price: number; payable: number };

const toLine = (r: LineRow): SettlementLine => ({
  tier: r.tier, subsidyPerMealFen: r.per_meal, meals: r.meals, subsidyFen: r.subsidy, priceFen: r.price, payableFen: r.payable,
});

/**
 * Monthly settlement from the amounts recorded on each order (never recomputed from
 * today's settings): per canteen and per district, grouped by tier and subsidy per meal.
 */
export async function settlement(ctx: GongzhiContext, districtGlobalId: string, month: string, canteenGlobalId?: string | null): Promise<SubsidySettlement> {
  const { districtId, canteenId } = await reportScope(ctx, districtGlobalId, canteenGlobalId);
  const [from, to] = monthRange(month, 'month');
  const rows = await sqlRows<LineRow>(ctx.em,
    `select o.canteen_id, o.subsidy_tier as tier, o.subsidy_fen as per_meal, count(*)::int as meals,
       sum(o.subsidy_fen)::int as subsidy, sum(o.price_fen)::int as price, sum(o.payable_fen)::int as payable
     from ed_order o join ed_canteen c on c.id = o.canteen_id
     where o.district_id = ? and o.date >= ? and o.date < ? and o.status in (?) ${canteenId ? 'and o.canteen_id = ?' : ''}
     group by grouping sets ((o.canteen_id, c.name, o.subsidy_tier, o.subsidy_fen), (o.subsidy_tier, o.subsidy_fen))
     order by c.name nulls last, o.canteen_id nulls last, o.subsidy_fen desc, o.subsidy_tier nulls last`,
    [districtId, from, to, SETTLED_STATUSES, ...(canteenId ? [canteenId] : [])]);
  const canteens = new Map<string, CanteenSettlement>();
  const districtLines: SettlementLine[] = [];
  for (const r of rows) {
    if (r.canteen_id === null) {
      districtLines.push(toLine(r));
      continue;
    }
    const c = canteens.get(r.canteen_id) ?? { canteenId: r.canteen_id, lines: [], meals: 0, subsidyFen: 0 };
    c.lines.push(toLine(r));
    c.meals += r.meals;
    c.subsidyFen += r.subsidy;
    canteens.set(r.canteen_id, c);
  }
  return {
    month, canteens: [...canteens.values()], districtLines,
    meals: districtLines.reduce((s, l) => s + l.meals, 0),
    subsidyFen: districtLines.reduce((s, l) => s + l.subsidyFen, 0),
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The settlement as CSV for the finance office (UTF-8, one line per canteen and tier, then district totals). */
export async function settlementCsv(ctx: GongzhiContext, districtGlobalId: string, month: string): Promise<string> {
  const s = await settlement(ctx, districtGlobalId, month);
  const names = new Map<string, string>();
  if (s.canteens.length) {
    const rows = await sqlRows<{ id: string; name: string }>(ctx.em, 'select id, name from ed_canteen where id in (?)', [s.canteens.map((c) => c.canteenId)]);
    for (const r of rows) names.set(r.id, r.name);
  }
  const header = ['month', 'canteen', 'tier', 'subsidy_per_meal_fen', 'meals', 'subsidy_fen', 'subsidy_yuan', 'price_fen', 'payable_fen'];
  const line = (canteen: string, l: SettlementLine) =>
    [month, canteen, l.tier ?? 'NONE', l.subsidyPerMealFen, l.meals, l.subsidyFen, yuan(l.subsidyFen), l.priceFen, l.payableFen].map(csvCell).join(',');
  const out = [header.join(',')];
  for (const c of s.canteens) for (const l of c.lines) out.push(line(names.get(c.canteenId) ?? c.canteenId, l));
  for (const l of s.districtLines) out.push(line('ALL', l));
  return out.join('\n') + '\n';
}

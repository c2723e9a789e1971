import { InputCheck, fromGlobalId, sqlRows, type GongzhiContext } from '@gongzhi/plugin-sdk';
import type { VentureRound } from '../entities/round.entity';
import type { VentureCategory } from '../graphql/grant-enums.type';
import { inRoundArea } from './round-node';

export interface BudgetLineInput { item: string; unitPriceFen: number; quantity: number }

export interface ApplicationContent {
  title: string;
  category: VentureCategory;
  summary: string;
  expectedBeneficiaries: number;
  targetCommunityIds: string[];
  answeredNeedIds?: string[] | null;
  budgetLines: BudgetLineInput[];
}

/** What an application's content refers to, as uuids, once checked. */
export interface CheckedContent { communityIds: string[]; needIds: string[]; totalFen: bigint }

const P = 'input.content';
const MAX_LINES = 100;
const MAX_COMMUNITIES = 50;

/** The uuids of `ids` that are global ids of `typename`, each problem at its index. */
function uuidsOf(check: InputCheck, field: string, ids: string[], typename: string): string[] {
  return ids.map((g, i) => {
    const parsed = fromGlobalId(g);
    check.check(parsed?.typename === typename, `${field}.${i}`, `must be the id of a ${typename}`);
    return parsed?.id ?? '';
  });
}

/**
 * Every problem of an application's content at once: its fields, each budget line, the total
 * against the round's cap (BigInt, so no sum is ever rounded), target communities the
 * organisation serves inside the round's area, and open needs of the round in those communities.
 */
export async function checkContent(ctx: GongzhiContext, round: VentureRound, organizationId: string, c: ApplicationContent): Promise<CheckedContent> {
  const check = new InputCheck()
    .text(`${P}.title`, c.title, { max: 100 })
    .text(`${P}.summary`, c.summary, { max: 2000 })
    .int(`${P}.expectedBeneficiaries`, c.expectedBeneficiaries, { min: 1, max: 1_000_000 })
    .check(round.categories.includes(c.category), `${P}.category`, `is not a category of this round (${round.categories.join(', ')})`)
    .check(c.budgetLines.length <= MAX_LINES, `${P}.budgetLines`, `has at most ${MAX_LINES} lines`)
    .check(c.targetCommunityIds.length >= 1 && c.targetCommunityIds.length <= MAX_COMMUNITIES && new Set(c.targetCommunityIds).size === c.targetCommunityIds.length,
      `${P}.targetCommunityIds`, `must name 1–${MAX_COMMUNITIES} communities, each once`);
  let total = 0n;
  c.budgetLines.forEach((l, i) => {
    const at = `${P}.budgetLines.${i}`;
    check.text(`${at}.item`, l.item, { max: 100 }).int(`${at}.unitPriceFen`, l.unitPriceFen, { min: 1, max: 2_000_000_000 }).int(`${at}.quantity`, l.quantity, { min: 1, max: 100_000 });
    if (Number.isInteger(l.unitPriceFen) && Number.isInteger(l.quantity)) total += BigInt(l.unitPriceFen) * BigInt(l.quantity);
  });
  check.check(total <= BigInt(round.projectCapFen), `${P}.budgetLines`, `total ${total} fen is over the round's cap of ${round.projectCapFen} fen per project`);
  const communityIds = uuidsOf(check, `${P}.targetCommunityIds`, c.targetCommunityIds, 'Community');
  const needIds = uuidsOf(check, `${P}.answeredNeedIds`, c.answeredNeedIds ?? [], 'VentureNeed');
  check.check(needIds.length <= 200 && new Set(needIds).size === needIds.length, `${P}.answeredNeedIds`, 'must name at most 200 needs, each once');
  check.done();

  const [served, needs] = await Promise.all([
    sqlRows<{ community_id: string }>(ctx.em, 'select community_id from social_organization_community where organization_id = ? and community_id in (?)', [organizationId, communityIds]),
    needIds.length ? sqlRows<{ id: string; round_id: string; community_id: string; status: string }>(ctx.em,
      'select id, round_id, community_id, status from vg_need where id in (?)', [needIds]) : Promise.resolve([]),
  ]);
  const servedSet = new Set(served.map((s) => s.community_id));
  const communities = await Promise.all(communityIds.map((id) => ctx.core.community(id)));
  communities.forEach((community, i) => {
    check.check(!!community && servedSet.has(community.id) && inRoundArea(round, community), `${P}.targetCommunityIds.${i}`,
      'must be a community the organisation serves, inside the round\'s area');
  });
  const byId = new Map(needs.map((n) => [n.id, n]));
  needIds.forEach((id, i) => {
    const n = byId.get(id);
    check.check(!!n && n.round_id === round.id && n.status === 'OPEN' && communityIds.includes(n.community_id), `${P}.answeredNeedIds.${i}`,
      'must be an open need of this round in one of the target communities');
  });
  check.done();
  return { communityIds, needIds, totalFen: total };
}

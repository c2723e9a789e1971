import {
  BadUserInputError, ConflictError, InputCheck, NotFoundError, communityScope, decodeId, loadFresh, requireAt, sqlRow, sqlRows,
  type GongzhiContext, type Resident,
} from '@gongzhi/plugin-sdk';
import { VentureNeed } from '../entities/need.entity';
import { NeedStatus, type VentureCategory } from '../graphql/grant-enums.type';
import { perms } from '../permissions';
import { inRoundArea } from './round-node';
import { readableRound, roundForAction } from './round-reads';

/** The caller's own resident, with the right to act for themselves; BAD_USER_INPUT when the account is none. */
async function ownResident(ctx: GongzhiContext, field: string): Promise<Resident> {
  const id = ctx.actor?.residentId;
  if (!id) throw new BadUserInputError({ field, message: 'is required: this account is not a resident' });
  const resident = await ctx.core.resident(id);
  if (!resident) throw new NotFoundError('Resident');
  await requireAt(ctx, perms['need:record-own'], resident);
  return resident;
}

export interface RecordNeedInput {
  roundId: string;
  /** Omitted: the caller records their own need, as a resident of their community. */
  communityId?: string | null;
  category: VentureCategory;
  description: string;
}

/** A need of a community in the round's area, in the NEEDS phase. */
export async function recordNeed(ctx: GongzhiContext, input: RecordNeedInput): Promise<VentureNeed> {
  const found = await readableRound(ctx, input.roundId);
  const resident = input.communityId ? null : await ownResident(ctx, 'input.communityId');
  const community = resident
    ? { districtId: resident.districtId, streetId: resident.streetId, communityId: resident.communityId }
    : await communityScope(ctx, decodeId(input.communityId!, 'Community'));
  if (!resident) await requireAt(ctx, perms['need:record'], community);
  new InputCheck()
    .text('input.description', input.description, { max: 500 })
    .check(found.categories.includes(input.category), 'input.category', `is not a category of this round (${found.categories.join(', ')})`)
    .check(inRoundArea(found, { ...community, id: community.communityId }), 'input.communityId', 'is outside the round\'s area')
    .done();
  const round = await roundForAction(ctx, found.id, 'need.record');
  const need = ctx.em.create(VentureNeed, {
    ...community, roundId: round.id, category: input.category, description: input.description.trim(),
    residentId: resident?.id ?? null, recordedByAccountId: ctx.actor!.accountId,
  });
  await ctx.em.flush();
  return need;
}

/** A need the caller may read, by global id. */
export async function readableNeed(ctx: GongzhiContext, globalId: string): Promise<VentureNeed> {
  const need = await ctx.em.findOne(VentureNeed, { id: decodeId(globalId, 'VentureNeed') });
  if (!need) throw new NotFoundError('VentureNeed');
  await requireAt(ctx, perms['need:read'], need);
  return need;
}

/**
 * A resident supports a need of their own community, once: the primary key of the support
 * refuses a second one however many arrive at once, and the count moves in the same statement,
 * under the need's row lock (a merge holds it too, so no support lands on a merged need).
 */
export async function supportNeed(ctx: GongzhiContext, needId: string): Promise<VentureNeed> {
  const need = await readableNeed(ctx, needId);
  const resident = await ownResident(ctx, 'needId');
  if (resident.communityId !== need.communityId) throw new BadUserInputError({ field: 'needId', message: 'is a need of another community than yours' });
  await roundForAction(ctx, need.roundId, 'need.support');
  const added = await sqlRow(ctx.em,
    `with n as (select id, district_id from vg_need where id = ? and status = 'OPEN' for update),
       s as (insert into vg_need_support (need_id, resident_id, district_id) select id, ?, district_id from n on conflict do nothing returning need_id)
     update vg_need set support_count = support_count + 1 where id in (select need_id from s) returning id`, [need.id, resident.id]);
  if (!added) {
    const now = await loadFresh(ctx, VentureNeed, need.id);
    throw now.status === NeedStatus.MERGED
      ? new ConflictError('The need was merged into another; support that one', { reason: 'MERGED' })
      : new ConflictError('You support this need already', { reason: 'ALREADY_SUPPORTED' });
  }
  return loadFresh(ctx, VentureNeed, need.id);
}

/** Whether the caller's resident supports each need (one query for a list). */
export function supportedByMe(ctx: GongzhiContext, needId: string): Promise<boolean> {
  const residentId = ctx.actor?.residentId;
  if (!residentId) return Promise.resolve(false);
  return ctx.loader<string, boolean>('venture-grants:supported-by-me', async (ids) => {
    const rows = await sqlRows<{ need_id: string }>(ctx.em,
      'select need_id from vg_need_support where resident_id = ? and need_id in (?)', [residentId, [...ids]]);
    const mine = new Set(rows.map((r) => r.need_id));
    return ids.map((id) => mine.has(id));
  }).load(needId);
}

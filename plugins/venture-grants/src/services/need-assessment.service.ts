import { BadUserInputError, ConflictError, loadFresh, requireAt, sqlRows, sqlRun, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { VentureNeed } from '../entities/need.entity';
import type { NeedPriority } from '../graphql/grant-enums.type';
import { perms } from '../permissions';
import { readableNeed } from './needs.service';
import { roundForAction } from './round-reads';

const notOpen = () => new ConflictError('The need was merged into another', { reason: 'MERGED' });

/** A worker gives an open need its priority (again, when it changes). */
export async function assessNeed(ctx: GongzhiContext, input: { needId: string; priority: NeedPriority }): Promise<VentureNeed> {
  const need = await readableNeed(ctx, input.needId);
  await requireAt(ctx, perms['need:assess'], need);
  await roundForAction(ctx, need.roundId, 'need.assess');
  const done = await sqlRun(ctx.em,
    `update vg_need set priority = ?, assessed_at = now(), assessed_by_account_id = ? where id = ? and status = 'OPEN'`,
    [input.priority, ctx.actor!.accountId, need.id]);
  if (!done) throw notOpen();
  return loadFresh(ctx, VentureNeed, need.id);
}

/**
 * Merges a duplicate into the need kept: both of one round and open, the duplicate's
 * supporters become the kept need's (a resident who supported both counts once). Both rows
 * are locked in id order first, so concurrent merges of overlapping pairs queue instead of
 * deadlocking and never make a chain.
 */
export async function mergeNeeds(ctx: GongzhiContext, input: { needId: string; intoNeedId: string }): Promise<VentureNeed> {
  const [dup, kept] = [await readableNeed(ctx, input.needId), await readableNeed(ctx, input.intoNeedId)];
  await requireAt(ctx, perms['need:assess'], dup);
  await requireAt(ctx, perms['need:assess'], kept);
  if (dup.id === kept.id) throw new BadUserInputError({ field: 'input.intoNeedId', message: 'is the need itself' });
  if (dup.roundId !== kept.roundId) throw new BadUserInputError({ field: 'input.intoNeedId', message: 'is a need of another round' });
  await roundForAction(ctx, kept.roundId, 'need.assess');
  const open = await sqlRows<{ id: string }>(ctx.em,
    `select id from vg_need where id in (?) and status = 'OPEN' order by id for update`, [[dup.id, kept.id]]);
  if (open.length < 2) throw notOpen();
  await sqlRun(ctx.em, `insert into vg_need_support (need_id, resident_id, district_id, created_at)
    select ?, resident_id, district_id, created_at from vg_need_support where need_id = ? on conflict do nothing`, [kept.id, dup.id]);
  await sqlRun(ctx.em, 'delete from vg_need_support where need_id = ?', [dup.id]);
  await sqlRun(ctx.em, `update vg_need set status = 'MERGED', merged_into_id = ?, support_count = 0 where id = ?`, [kept.id, dup.id]);
  await sqlRun(ctx.em, 'update vg_need set support_count = (select count(*) from vg_need_support where need_id = ?) where id = ?', [kept.id, kept.id]);
  return loadFresh(ctx, VentureNeed, kept.id);
}


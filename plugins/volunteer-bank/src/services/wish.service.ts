import { ConflictError, GongzhiContext, NotFoundError, badInput, emit, communityScope, loadFresh, requireAt, sqlRow, sqlToday, today } from '@gongzhi/plugin-sdk';
import { PointsTransfer } from '../entities/transfer.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { MicroWish } from '../entities/wish.entity';
import { ClaimantKind, LedgerUnit, TransferKind, WishCategory } from '../graphql/enums.type';
import { WishClaimed, WishFulfilled } from '../events';
import { perms } from '../permissions';
import { settings } from '../settings';
import { fingerprintOf } from './fingerprint';
import { checkKey, idempotent } from './idempotency.service';
import { issuanceAccount, move, volunteerAccounts } from './ledger.service';
import { volunteerScope } from './volunteer.service';

const TODAY = sqlToday();

export interface NewWish {
  residentId: string;
  category: WishCategory;
  description: string;
  requestedBy: string;
}

export async function recordWish(ctx: GongzhiContext, w: NewWish): Promise<MicroWish> {
  const resident = await ctx.core.resident(w.residentId);
  if (!resident) throw new NotFoundError('Resident');
  const scope = await communityScope(ctx, resident.communityId);
  await requireAt(ctx, perms['wish:record'], scope);
  const description = w.description.trim();
  if (!description || description.length > 500) throw badInput('input.description', 'must be 1 to 500 characters');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(w.requestedBy)) throw badInput('input.requestedBy', 'must be a date YYYY-MM-DD');
  const row = await sqlRow(ctx.em, `insert into vb_wish (district_id, street_id, community_id, resident_id, category, description, requested_by)
    select ?, ?, ?, ?, ?, ?, ?::date where ?::date >= ${TODAY} returning *`,
  [scope.districtId, scope.streetId, scope.communityId, w.residentId, w.category, description, w.requestedBy, w.requestedBy]);
  if (!row) throw badInput('input.requestedBy', 'must not be in the past');
  return ctx.em.map(MicroWish, row);
}

export interface Claim {
  wishId: string;
  volunteerId: string;
  teamId: string | null;
  organizationId: string | null;
}

/** One conditional UPDATE: of many concurrent claims exactly one wins, the rest get CONFLICT. */
export async function claimWish(ctx: GongzhiContext, c: Claim): Promise<MicroWish> {
  const wish = await loadFresh(ctx, MicroWish, c.wishId);
  await requireAt(ctx, perms['wish:claim'], wish);
  if (c.teamId && c.organizationId) throw badInput('input.organizationId', 'give a team or an organisation, not both');
  const volunteer = await loadFresh(ctx, Volunteer, c.volunteerId);
  if (volunteer.districtId !== wish.districtId) throw badInput('input.volunteerId', 'is not a volunteer of this district');
  if (c.teamId) {
    const team = await loadFresh(ctx, VolunteerTeam, c.teamId);
    if (team.districtId !== wish.districtId) throw badInput('input.teamId', 'is not a team of this district');
  }
  if (c.organizationId) {
    const org = await ctx.core.socialOrganization(c.organizationId);
    if (!org || org.districtId !== wish.districtId) throw badInput('input.organizationId', 'is not an organisation of this district');
  }
  const kind = c.teamId ? ClaimantKind.TEAM : c.organizationId ? ClaimantKind.ORGANIZATION : ClaimantKind.VOLUNTEER;
  return ctx.em.transactional(async (tx) => {
    const row = await sqlRow(tx, `update vb_wish set status = 'CLAIMED', claimant_kind = ?, claimed_by_volunteer_id = ?,
        claimed_by_team_id = ?, claimed_by_organization_id = ?, claimed_at = now()
      where id = ? and status = 'PUBLISHED' and requested_by >= ?::date returning *`,
    [kind, c.volunteerId, c.teamId, c.organizationId, c.wishId, today(ctx.clock.now())]);
    if (!row) throw new ConflictError('心愿已被认领或已过期 / The wish is already claimed or has expired');
    const claimed = tx.map(MicroWish, row);
    emit(tx, WishClaimed, wish, { wishId: wish.id, volunteerId: c.volunteerId, points: 0 });
    return claimed;
  });
}

export async function markFulfilled(ctx: GongzhiContext, wishId: string): Promise<MicroWish> {
  const wish = await loadFresh(ctx, MicroWish, wishId);
  await requireAt(ctx, perms['wish:claim'], wish);
  const row = await sqlRow(ctx.em, `update vb_wish set status = 'FULFILLED', fulfilled_at = now() where id = ? and status = 'CLAIMED' returning *`, [wishId]);
  if (!row) throw new ConflictError('心愿未处于已认领状态 / The wish is not claimed');
  return ctx.em.map(MicroWish, row);
}

export interface WishConfirmation {
  wish: MicroWish;
  transfer: PointsTransfer | null;
}

/** The resident or a community worker confirms; the claiming volunteer earns pointsPerWish, once. */
export async function confirmWish(ctx: GongzhiContext, wishId: string, key: string): Promise<WishConfirmation> {
  const wish = await loadFresh(ctx, MicroWish, wishId);
  await requireAt(ctx, perms['wish:confirm'], wish);
  checkKey(key);
  if (!wish.claimedByVolunteerId) throw new ConflictError('心愿尚未被认领 / The wish has not been claimed');
  const volunteer = await loadFresh(ctx, Volunteer, wish.claimedByVolunteerId);
  const { pointsPerWish } = await ctx.settings.get(settings, wish.districtId);
  if (pointsPerWish < 1) throw new ConflictError('本区微心愿不计积分 / Wishes earn no points in this district');
  const issuance = await issuanceAccount(ctx.em, wish.districtId, LedgerUnit.POINTS);
  const { points } = await volunteerAccounts(ctx.em, volunteer.id);
  const fingerprint = fingerprintOf('confirmWish', { wishId });
  return idempotent(ctx.em, {
    districtId: wish.districtId, key, fingerprint,
    replay: async (t) => ({ wish: (await ctx.em.findOne(MicroWish, { id: wishId }, { refresh: true }))!, transfer: t }),
    run: async (tx) => {
      const row = await sqlRow(tx, `update vb_wish set status = 'CONFIRMED', confirmed_at = now(), fulfilled_at = coalesce(fulfilled_at, now())
        where id = ? and status in ('CLAIMED', 'FULFILLED') returning *`, [wishId]);
      if (!row) throw new ConflictError('心愿已确认或未认领 / The wish is already confirmed or not claimed');
      const transfer = await move(tx, {
        districtId: wish.districtId, from: issuance, to: points, amount: pointsPerWish, unit: LedgerUnit.POINTS,
        kind: TransferKind.WISH_FULFILLED, idempotencyKey: key, fingerprint, memo: wish.description.slice(0, 100),
        scope: volunteerScope(volunteer),
      });
      await sqlRow(tx, 'update vb_wish set confirmation_transfer_id = ? where id = ? returning id', [transfer.id, wishId]);
      const confirmed = tx.map(MicroWish, { ...row, confirmation_transfer_id: transfer.id });
      emit(tx, WishFulfilled, wish, { wishId, volunteerId: volunteer.id, points: pointsPerWish });
      return { wish: confirmed, transfer };
    },
  });
}

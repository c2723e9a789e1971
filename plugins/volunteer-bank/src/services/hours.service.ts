import { ConflictError, EntityManager, GongzhiContext, badInput, emit, sqlRow } from '@gongzhi/plugin-sdk';
import { ActivitySignUp } from '../entities/sign-up.entity';
import type { PointsTransfer } from '../entities/transfer.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { LedgerUnit, SignUpStatus, TransferKind } from '../graphql/enums.type';
import { StarLevelReached } from '../events';
import { perms } from '../permissions';
import { settings } from '../settings';
import { fingerprintOf } from './fingerprint';
import { checkKey } from './idempotency.service';
import { emitHoursVerified, loadSignUpWithActivity, recordedMinutes } from './activity.service';
import { findTransferByKey, issuanceAccount, move, volunteerAccounts } from './ledger.service';
import { starLevelFor, starLevelSql, volunteerScope } from './volunteer.service';

export interface Verification {
  signUpId: string;
  minutes?: number | null;
  reason?: string | null;
  idempotencyKey: string;
}

export interface VerificationResult {
  signUp: ActivitySignUp;
  minutes: number;
  points: number;
  transfer: PointsTransfer | null;
}

/** Adds verified minutes and recomputes the star level; emits the event when a level is reached. */
export async function addVerifiedMinutes(tx: EntityManager, volunteer: Volunteer, minutes: number): Promise<void> {
  const add = Math.trunc(minutes); // a validated integer, inlined because the expression repeats it
  const row = await sqlRow<{ star_level: number; verified_minutes: number }>(tx, `update vb_volunteer
    set verified_minutes = verified_minutes + ?, star_level = ${starLevelSql(`(verified_minutes + ${add})`)}
    where id = ? returning star_level, verified_minutes`, [add, volunteer.id]);
  const before = starLevelFor(row!.verified_minutes - add);
  if (row!.star_level > before) {
    emit(tx, StarLevelReached, volunteerScope(volunteer), {
      volunteerId: volunteer.id, level: row!.star_level, verifiedHours: Math.floor(row!.verified_minutes / 60),
    });
  }
}

/**
 * The organiser verifies a checked-out sign-up; an adjustment from the recorded
 * minutes needs a reason. Only verified hours earn points (setting pointsPerHour).
 * Idempotent on the key: the sign-up row records it.
 */
export async function verifyHours(ctx: GongzhiContext, v: Verification): Promise<VerificationResult> {
  checkKey(v.idempotencyKey);
  const { signUp, activity, volunteer } = await loadSignUpWithActivity(ctx, v.signUpId, perms['activity:verify']);
  const reason = v.reason?.trim() || null;
  if (v.minutes != null && (!Number.isInteger(v.minutes) || v.minutes < 0 || v.minutes > 24 * 60)) {
    throw badInput('input.minutes', 'must be between 0 and 1440');
  }
  if (reason && reason.length > 500) throw badInput('input.reason', 'must be at most 500 characters');
  const fingerprint = fingerprintOf('verifyHours', { signUpId: v.signUpId, minutes: v.minutes ?? null, reason });

  const replay = async (): Promise<VerificationResult | null> => {
    const s = await ctx.em.findOne(ActivitySignUp, { id: v.signUpId }, { refresh: true });
    if (s?.status !== SignUpStatus.VERIFIED) return null;
    if (s.verificationKey !== v.idempotencyKey || s.verificationFingerprint !== fingerprint) {
      throw new ConflictError(s.verificationKey === v.idempotencyKey
        ? '幂等键已用于不同的请求 / Idempotency key already used with different parameters'
        : '时长已核定 / Hours are already verified');
    }
    const transfer = await findTransferByKey(ctx.em, s.districtId, v.idempotencyKey);
    return { signUp: s, minutes: s.verifiedMinutes ?? 0, points: transfer?.amount ?? 0, transfer };
  };
  const other = await findTransferByKey(ctx.em, signUp.districtId, v.idempotencyKey);
  if (other && other.fingerprint !== fingerprint) {
    throw new ConflictError('幂等键已用于不同的请求 / Idempotency key already used with different parameters');
  }
  const earlier = await replay();
  if (earlier) return earlier;
  if (signUp.status !== SignUpStatus.CHECKED_OUT) throw new ConflictError('须先签到签退 / The volunteer has not checked out');

  const recorded = recordedMinutes(signUp);
  const minutes = v.minutes ?? recorded;
  if (minutes !== recorded && !reason) throw badInput('input.reason', 'is required when the minutes differ from the recorded time');
  const { pointsPerHour } = await ctx.settings.get(settings, signUp.districtId);
  const points = Math.floor((minutes * pointsPerHour) / 60);
  const issuance = points > 0 ? await issuanceAccount(ctx.em, signUp.districtId, LedgerUnit.POINTS) : null;
  const accounts = await volunteerAccounts(ctx.em, volunteer.id);
  try {
    return await ctx.em.transactional(async (tx) => {
      const row = await sqlRow(tx, `update vb_sign_up set status = 'VERIFIED', verified_minutes = ?, adjustment_reason = ?,
          verified_at = now(), verification_key = ?, verification_fingerprint = ?
        where id = ? and status = 'CHECKED_OUT' returning *`, [minutes, reason, v.idempotencyKey, fingerprint, v.signUpId]);
      if (!row) throw new ConflictError('时长已核定 / Hours are already verified');
      const s = tx.map(ActivitySignUp, row);
      await addVerifiedMinutes(tx, volunteer, minutes);
      const transfer = issuance ? await move(tx, {
        districtId: s.districtId, from: issuance, to: accounts.points, amount: points, unit: LedgerUnit.POINTS,
        kind: TransferKind.SERVICE_HOURS, idempotencyKey: v.idempotencyKey, fingerprint,
        memo: activity.title, scope: volunteerScope(volunteer),
      }) : null;
      emitHoursVerified(tx, activity, s, minutes, points);
      return { signUp: s, minutes, points, transfer };
    });
  } catch (e) {
    const winner = await replay();
    if (winner) return winner;
    throw e;
  }
}

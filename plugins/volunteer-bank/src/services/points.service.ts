import { ConflictError, EntityManager, GongzhiContext, badInput, loadFresh, requireAt, sqlRow, sqlRows, violatesConstraint } from '@gongzhi/plugin-sdk';
import { PointsTransfer } from '../entities/transfer.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { AccountKind, FamilyRelation, LedgerUnit, TransferKind } from '../graphql/enums.type';
import { perms } from '../permissions';
import { settings } from '../settings';
import { fingerprintOf } from './fingerprint';
import { checkKey, idempotent } from './idempotency.service';
import { AccountRef, issuanceAccount, move, volunteerAccounts } from './ledger.service';
import { volunteerScope, volunteerWithAccounts } from './volunteer.service';

const replayTransfer = async (t: PointsTransfer) => t;

function checkAmount(amount: number, field: string, max = 1_000_000): void {
  if (!Number.isInteger(amount) || amount < 1 || amount > max) throw badInput(field, `must be an integer between 1 and ${max}`);
}

/** A manual grant from the district's issuance account (e.g. recognition awards). */
export async function grantPoints(ctx: GongzhiContext, volunteerId: string, amount: number, memo: string | null, key: string): Promise<PointsTransfer> {
  checkKey(key);
  const { volunteer, points, existing } = await volunteerWithAccounts(ctx, volunteerId, perms['ledger:credit'], key);
  checkAmount(amount, 'input.amount', 100_000);
  const note = memo?.trim() || null;
  if (note && note.length > 200) throw badInput('input.memo', 'must be at most 200 characters');
  const issuance = await issuanceAccount(ctx.em, volunteer.districtId, LedgerUnit.POINTS);
  const fingerprint = fingerprintOf('grantPoints', { volunteerId, amount, memo: note });
  return idempotent(ctx.em, {
    districtId: volunteer.districtId, key, fingerprint, replay: replayTransfer, known: existing,
    run: (tx) => move(tx, {
      districtId: volunteer.districtId, from: issuance, to: points, amount, unit: LedgerUnit.POINTS,
      kind: TransferKind.GRANT, idempotencyKey: key, fingerprint, memo: note, scope: volunteerScope(volunteer),
    }),
  });
}

interface AccountContext extends AccountRef {
  districtId: string;
  streetId: string | null;
  communityId: string | null;
}

async function accountContexts(em: EntityManager, ids: string[]): Promise<AccountContext[]> {
  const rows = await sqlRows<{ id: string; kind: AccountKind; volunteer_id: string | null; district_id: string; street_id: string | null; community_id: string | null }>(em,
    `select a.id, a.kind, a.volunteer_id, a.district_id, coalesce(v.street_id, s.street_id) street_id, coalesce(v.community_id, s.community_id) community_id
     from vb_account a left join vb_volunteer v on v.id = a.volunteer_id left join vb_store s on s.id = a.store_id where a.id in (?)`, [ids]);
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)!;
    return { id, kind: r.kind, volunteerId: r.volunteer_id, districtId: r.district_id, streetId: r.street_id, communityId: r.community_id };
  });
}

/** A correction: the opposite transfer, linked by `reversalOf`; the original is never edited. */
export async function reverseTransfer(ctx: GongzhiContext, transferId: string, reason: string, key: string): Promise<PointsTransfer> {
  const original = await loadFresh(ctx, PointsTransfer, transferId, 'PointsTransfer');
  await requireAt(ctx, perms['ledger:reverse'], { districtId: original.districtId });
  checkKey(key);
  const why = reason.trim();
  if (!why || why.length > 500) throw badInput('input.reason', 'must be 1 to 500 characters');
  if (original.kind === TransferKind.REVERSAL) throw badInput('input.transferId', 'a reversal cannot be reversed; post a new transfer');
  const [from, to] = await accountContexts(ctx.em, [original.toAccountId, original.fromAccountId]);
  const held = [from, to].find((a) => a.kind === AccountKind.VOLUNTEER) ?? from;
  const fingerprint = fingerprintOf('reverseTransfer', { transferId, reason: why });
  try {
    return await idempotent(ctx.em, {
      districtId: original.districtId, key, fingerprint, replay: replayTransfer,
      run: async (tx) => {
        if (await sqlRow(tx, 'select 1 from vb_transfer where reversal_of = ?', [transferId])) throw new ConflictError('该转账已冲正 / Already reversed');
        return move(tx, {
          districtId: original.districtId, from, to, amount: original.amount, unit: original.unit,
          kind: TransferKind.REVERSAL, idempotencyKey: key, fingerprint, reversalOf: transferId, memo: why,
          scope: { districtId: held.districtId, streetId: held.streetId, communityId: held.communityId },
        });
      },
    });
  } catch (e) {
    if (violatesConstraint(e, 'vb_transfer_reversal_unique')) throw new ConflictError('该转账已冲正 / Already reversed');
    throw e;
  }
}

/** Points to a family member's volunteer account, within the district's rules. */
export async function transferToFamily(
  ctx: GongzhiContext, fromId: string, toId: string, amount: number, relation: FamilyRelation, key: string,
): Promise<PointsTransfer> {
  checkKey(key);
  const { volunteer: giver, points: giverPoints, existing } = await volunteerWithAccounts(ctx, fromId, perms['ledger:transfer'], key);
  const rules = await ctx.settings.get(settings, giver.districtId);
  if (!rules.familyTransfersAllowed) throw new ConflictError('本区未开放积分转赠 / Family transfers are not allowed in this district');
  checkAmount(amount, 'input.amount', rules.maxFamilyTransferPoints);
  if (fromId === toId) throw badInput('input.toVolunteerId', 'must be another volunteer');
  const receiver = await loadFresh(ctx, Volunteer, toId);
  if (receiver.districtId !== giver.districtId) throw badInput('input.toVolunteerId', 'is not a volunteer of this district');
  const b = await volunteerAccounts(ctx.em, receiver.id);
  const fingerprint = fingerprintOf('transferToFamily', { fromId, toId, amount, relation });
  return idempotent(ctx.em, {
    districtId: giver.districtId, key, fingerprint, replay: replayTransfer, known: existing,
    run: (tx) => move(tx, {
      districtId: giver.districtId, from: giverPoints, to: b.points, amount, unit: LedgerUnit.POINTS,
      kind: TransferKind.FAMILY_TRANSFER, idempotencyKey: key, fingerprint, memo: relation, scope: volunteerScope(giver),
    }),
  });
}

/** Spends banked minutes on care the volunteer (or family they transferred to) now receives; never below zero. */
export async function useBankedHours(ctx: GongzhiContext, volunteerId: string, minutes: number, purpose: string, key: string): Promise<PointsTransfer> {
  checkKey(key);
  const { volunteer, time, existing } = await volunteerWithAccounts(ctx, volunteerId, perms['ledger:transfer'], key);
  checkAmount(minutes, 'input.minutes', 100_000);
  const why = purpose.trim();
  if (!why || why.length > 200) throw badInput('input.purpose', 'must be 1 to 200 characters');
  const issuance = await issuanceAccount(ctx.em, volunteer.districtId, LedgerUnit.MINUTES);
  const fingerprint = fingerprintOf('useBankedHours', { volunteerId, minutes, purpose: why });
  return idempotent(ctx.em, {
    districtId: volunteer.districtId, key, fingerprint, replay: replayTransfer, known: existing,
    run: (tx) => move(tx, {
      districtId: volunteer.districtId, from: time, to: issuance, amount: minutes, unit: LedgerUnit.MINUTES,
      kind: TransferKind.HOURS_WITHDRAWAL, idempotencyKey: key, fingerprint, memo: why, scope: volunteerScope(volunteer),
    }),
  });
}

/** Banks verified service minutes in the time bank (at most the verified total). */
export async function depositHours(ctx: GongzhiContext, volunteerId: string, minutes: number, key: string): Promise<PointsTransfer> {
  checkKey(key);
  const { volunteer, time, existing } = await volunteerWithAccounts(ctx, volunteerId, perms['ledger:transfer'], key);
  checkAmount(minutes, 'input.minutes', 100_000);
  const issuance = await issuanceAccount(ctx.em, volunteer.districtId, LedgerUnit.MINUTES);
  const fingerprint = fingerprintOf('depositHours', { volunteerId, minutes });
  return idempotent(ctx.em, {
    districtId: volunteer.districtId, key, fingerprint, replay: replayTransfer, known: existing,
    run: async (tx) => {
      const ok = await sqlRow(tx, `update vb_volunteer set banked_minutes = banked_minutes + ?
        where id = ? and banked_minutes + ? <= verified_minutes returning id`, [minutes, volunteerId, minutes]);
      if (!ok) throw badInput('input.minutes', 'exceeds the verified minutes not yet banked');
      return move(tx, {
        districtId: volunteer.districtId, from: issuance, to: time, amount: minutes, unit: LedgerUnit.MINUTES,
        kind: TransferKind.HOURS_DEPOSIT, idempotencyKey: key, fingerprint, scope: volunteerScope(volunteer),
      });
    },
  });
}

import { DomainEvent, HandlerContext, sqlRow } from '@gongzhi/plugin-sdk';
import { LedgerUnit, TransferKind } from '../graphql/enums.type';
import type { MealDeliveredPayload } from '@gongzhi/plugin-sdk/contracts';
import { settings } from '../settings';
import { fingerprintOf } from './fingerprint';
import { findTransferByKey, issuanceAccount, move, volunteerAccounts } from './ledger.service';

/**
 * Credits the volunteer who delivered a meal (elderly-dining's `meal.delivered`), once
 * per orderId: the transfer's idempotency key is derived from the order, so a repeated
 * or re-emitted event finds the first credit and does nothing.
 */
export async function creditMealDelivery(event: DomainEvent<MealDeliveredPayload>, ctx: HandlerContext): Promise<void> {
  const p = event.payload;
  if (p.deliverer?.kind !== 'VOLUNTEER' || !p.deliverer.residentId || !p.orderId) return;
  const { pointsPerMealDelivery } = await ctx.settings.get(settings, event.districtId);
  if (pointsPerMealDelivery < 1) return;
  const volunteer = await sqlRow<{ id: string; street_id: string; community_id: string }>(ctx.em,
    'select id, street_id, community_id from vb_volunteer where district_id = ? and resident_id = ?', [event.districtId, p.deliverer.residentId]);
  if (!volunteer) return;
  const key = `meal.delivered:${p.orderId}`;
  if (await findTransferByKey(ctx.em, event.districtId, key)) return;
  const issuance = await issuanceAccount(ctx.em, event.districtId, LedgerUnit.POINTS);
  const { points } = await volunteerAccounts(ctx.em, volunteer.id);
  await move(ctx.em, {
    districtId: event.districtId, from: issuance, to: points, amount: pointsPerMealDelivery, unit: LedgerUnit.POINTS,
    kind: TransferKind.MEAL_DELIVERY, idempotencyKey: key,
    fingerprint: fingerprintOf('mealDelivered', { orderId: p.orderId }),
    memo: `${p.date} ${p.meal}`,
    scope: { districtId: event.districtId, streetId: volunteer.street_id, communityId: volunteer.community_id },
  });
}

import { definePlugin, emit } from '@gongzhi/plugin-sdk';
import { TestGateway } from '@gongzhi/testing';
import { MealDelivered, type MealDeliveredPayload } from '@gongzhi/plugin-sdk/contracts';
import { PROGRAM } from '../src/program';
import { balanceOf, registerVolunteer, World, world } from './support';

/** Declares the contract as elderly-dining does, without its code: the subscriber needs a loaded declarer. */
const diningStandIn = definePlugin({
  name: 'elderly-dining', version: '1.0.0', compatibility: '^1.0.0', title: { zh: '助餐（替身）', en: 'Dining stand-in' }, events: [MealDelivered],
});

describe('volunteer bank: meal.delivered from elderly dining', () => {
  let w: World;
  let gw: TestGateway;
  beforeAll(async () => {
    w = await world(4, [diningStandIn]);
    gw = w.gw;
  });
  afterAll(() => gw?.close());

  async function deliver(orderId: string, residentId: string | null, kind: 'VOLUNTEER' | 'STAFF' = 'VOLUNTEER', districtId = w.tree.district.id) {
    const em = gw.em();
    const payload: MealDeliveredPayload = {
      orderId, canteenId: '00000000-0000-4000-8000-000000000001', elderResidentId: w.tree.residents[3].id, date: '2026-11-22',
      meal: 'LUNCH', deliveredAt: new Date().toISOString(), deliverer: { kind, residentId, name: '送餐员' },
    };
    emit(em, MealDelivered, { districtId, streetId: w.tree.streets[0].id, communityId: w.tree.communities[0].id }, payload);
    await em.flush();
  }

  it('credits the delivering volunteer exactly once per order at pointsPerMealDelivery', async () => {
    const v = await registerVolunteer(gw, w.tree.residents[0].id);
    const order = '11111111-1111-4111-8111-111111111111';
    await deliver(order, w.tree.residents[0].id);
    await deliver(order, w.tree.residents[0].id); // re-emitted: another event id, same order
    await deliver('22222222-2222-4222-8222-222222222222', w.tree.residents[1].id); // not a volunteer: nothing
    await deliver('33333333-3333-4333-8333-333333333333', w.tree.residents[0].id, 'STAFF'); // staff: nothing
    await gw.settleEvents();
    expect(await balanceOf(gw, v)).toBe(5);
    const rows = await gw.sql(`select kind, amount, idempotency_key from vb_transfer`);
    expect(rows).toEqual([{ kind: 'MEAL_DELIVERY', amount: 5, idempotency_key: `meal.delivered:${order}` }]);
  });

  it('does nothing while the program is disabled in the district', async () => {
    const v = await registerVolunteer(gw, w.tree.residents[1].id);
    await gw.disableProgram(w.tree.district.id, PROGRAM);
    await deliver('44444444-4444-4444-8444-444444444444', w.tree.residents[1].id);
    await gw.settleEvents();
    await gw.enableProgram(w.tree.district.id, PROGRAM);
    expect(await balanceOf(gw, v)).toBe(0);
  });
});

import { TestClock, createTestGateway, type TestGateway } from '@gongzhi/testing';
import dining from '@gongzhi/plugin-elderly-dining';
import volunteerBank from '@gongzhi/plugin-volunteer-bank';
import { DAY, M, MORNING, createCanteen, publishLunch, type DiningWorld } from '../../plugins/elderly-dining/test/dining-fixture';
import { balanceOf, registerVolunteer } from '../../plugins/volunteer-bank/test/support';

/**
 * Two programs, one graph, no imports between them: a meal delivered by a registered
 * volunteer (elderly dining) credits that volunteer exactly once (volunteer bank), only
 * where the district runs both programs.
 */
const ASSIGN = `mutation($input: AssignDelivererInput!) { assignDeliverer(input: $input) { id } }`;
const OUT = `mutation($id: ID!) { markOutForDelivery(id: $id) { id status } }`;
const CONFIRM = `mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { id status } }`;

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway({ plugins: [dining, volunteerBank], clock: new TestClock(MORNING) });
});
afterAll(async () => {
  await gw?.close();
});

async function district(code: string, programs: string[]) {
  const tree = await gw.seed.tree({ divisionCode: code, streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 0 });
  for (const p of programs) await gw.enableProgram(tree.district.id, p);
  const org = await gw.seed.organization({ districtId: tree.district.id, communityIds: [tree.communities[0].id] });
  const canteenId = await createCanteen(gw, tree, org.id, 50);
  await publishLunch(gw, canteenId, DAY);
  const w = { gw, tree, canteenId } as DiningWorld;
  const volunteer = await gw.seed.resident({ communityId: tree.communities[0].id, birthDate: '1990-01-01', name: '志愿者小王' });
  const elders = [];
  for (let i = 0; i < 2; i++) {
    const e = await gw.seed.resident({ communityId: tree.communities[0].id, birthDate: '1940-01-01', name: `老人${i}`, careTags: ['LIVING_ALONE'] });
    const r = await gw.request(M.enrol, { input: { residentId: gw.gid('Resident', e.id), canteenId: w.canteenId, deliveryAddress: '幸福路1号' } });
    expect(r.errors).toBeUndefined();
    elders.push(e);
  }
  return { tree, w, volunteer, elders };
}

async function deliver(elderId: string, volunteerResidentId: string) {
  const placed = await gw.request(M.order, { input: { residentId: gw.gid('Resident', elderId), date: DAY, meal: 'LUNCH', mode: 'DELIVERY' } });
  expect(placed.errors).toBeUndefined();
  const orderId = placed.data.placeDiningOrder.id;
  for (const [q, v] of [
    [ASSIGN, { input: { orderId, kind: 'VOLUNTEER', residentId: gw.gid('Resident', volunteerResidentId) } }],
    [OUT, { id: orderId }],
    [CONFIRM, { input: { orderId } }],
  ] as const) {
    const r = await gw.request(q, v);
    expect(r.errors).toBeUndefined();
  }
  return orderId;
}

test('a delivered meal credits the volunteer once when both programs run; nothing breaks where only dining runs', async () => {
  const both = await district('330201', ['elderly-dining', 'volunteer-bank']);
  const diningOnly = await district('330202', ['elderly-dining']);
  const volunteerId = await registerVolunteer(gw, both.volunteer.id);

  await deliver(both.elders[0].id, both.volunteer.id);
  await deliver(both.elders[1].id, both.volunteer.id);
  await deliver(diningOnly.elders[0].id, diningOnly.volunteer.id);
  await gw.settleEvents();
  // redelivery of the same events (at-least-once) must not pay twice
  await gw.sql(`delete from event_handling where handler like 'volunteer-bank/%'`);
  await gw.settleEvents();
  await new Promise((r) => setTimeout(r, 1500)); // the catch-up pass re-offers events without a processed mark
  await gw.settleEvents();

  const settings = await gw.request(`query($d: ID!) { node(id: $d) { ... on District { programSettings(program: "volunteer-bank") { values } } } }`, { d: gw.gid('District', both.tree.district.id) });
  const perDelivery = settings.data.node.programSettings.values.pointsPerMealDelivery as number;
  expect(await balanceOf(gw, volunteerId)).toBe(2 * perDelivery);
  const credits = await gw.sql(`select idempotency_key from vb_transfer where kind = 'MEAL_DELIVERY' order by idempotency_key`);
  expect(credits).toHaveLength(2);
  const skipped = await gw.sql(`select h.status from event_handling h join outbox_event e on e.seq = h.event_seq
    where e.district_id = $1 and e.name = 'meal.delivered'`, [diningOnly.tree.district.id]);
  expect(skipped.every((s) => s.status === 'SKIPPED')).toBe(true);
  const parked = await gw.sql(`select count(*)::int as n from event_handling where status in ('PARKED', 'RETRYING')`);
  expect(parked[0].n).toBe(0);
}, 120_000);

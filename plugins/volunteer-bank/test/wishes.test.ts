import { TestGateway } from '@gongzhi/testing';
import { gid, ledgerViolations, ok, registerVolunteer, uuidOf, World, world } from './support';

describe('volunteer bank: micro-wishes', () => {
  let w: World;
  let gw: TestGateway;
  let volunteers: string[];
  beforeAll(async () => {
    w = await world(15);
    gw = w.gw;
    volunteers = [];
    for (const r of w.tree.residents.slice(0, 30)) volunteers.push(await registerVolunteer(gw, r.id));
  });
  afterAll(() => gw?.close());

  const record = async (requestedBy = '2099-12-31') => (await ok(gw, `mutation($r: ID!, $d: LocalDate!) {
    recordMicroWish(input: { residentId: $r, category: COMPANIONSHIP, description: "陪我下棋", requestedBy: $d }) { id status } }`,
  { r: gid('Resident', w.tree.residents[40].id), d: requestedBy })).recordMicroWish;

  it('is claimed exactly once under 30 concurrent claims; confirmation credits the claimant once', async () => {
    const wish = await record();
    expect(wish.status).toBe('PUBLISHED');
    const results = await Promise.all(volunteers.map((v) => gw.request(`mutation($w: ID!, $v: ID!) {
      claimMicroWish(input: { wishId: $w, volunteerId: $v }) { status claimedBy { id } } }`, { w: wish.id, v })));
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(new Set(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code))).toEqual(new Set(['CONFLICT']));
    const claimant = winners[0].data.claimMicroWish.claimedBy.id;
    await ok(gw, `mutation($w: ID!) { markMicroWishFulfilled(input: { wishId: $w }) { status } }`, { w: wish.id });
    const c = await ok(gw, `mutation($w: ID!) { confirmMicroWish(input: { wishId: $w, idempotencyKey: "conf" }) {
      wish { status confirmedAt } transfer { amount kind to { volunteer { id } } } } }`, { w: wish.id });
    expect(c.confirmMicroWish).toMatchObject({ wish: { status: 'CONFIRMED' }, transfer: { amount: 20, kind: 'WISH_FULFILLED', to: { volunteer: { id: claimant } } } });
    const again = await gw.request(`mutation($w: ID!) { confirmMicroWish(input: { wishId: $w, idempotencyKey: "conf-2" }) { wish { status } } }`, { w: wish.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const events = await gw.sql(`select name from outbox_event where name like 'volunteer.wish-%' order by id`);
    expect(events.map((e: any) => e.name)).toEqual(['volunteer.wish-claimed', 'volunteer.wish-fulfilled']);
    expect(await ledgerViolations(gw)).toEqual([]);
  });

  it('unclaimed wishes expire past their date: on read and through the expiry function', async () => {
    const a = await record();
    const b = await record();
    await gw.sql(`update vb_wish set requested_by = current_date - 2 where id in ($1, $2)`, [uuidOf(a.id), uuidOf(b.id)]);
    const claim = await gw.request(`mutation($w: ID!, $v: ID!) { claimMicroWish(input: { wishId: $w, volunteerId: $v }) { status } }`, { w: a.id, v: volunteers[0] });
    expect(claim.errors?.[0].extensions?.code).toBe('CONFLICT');
    const list = await ok(gw, `query($c: ID!) { microWishes(scope: $c, status: EXPIRED) { totalCount nodes { id } } }`, { c: gid('Community', w.tree.residents[40].communityId) });
    expect(list.microWishes.nodes.map((n: any) => n.id).sort()).toEqual([a.id, b.id].sort());
    const c = await record();
    await gw.sql(`update vb_wish set requested_by = current_date - 1 where id = $1`, [uuidOf(c.id)]);
    const n = await ok(gw, `mutation($d: ID!) { expireMicroWishes(district: $d) }`, { d: w.district });
    expect(n.expireMicroWishes).toBe(1);
  });

  it('a wish dated in the past is refused with the field path', async () => {
    const r = await gw.request(`mutation($r: ID!) { recordMicroWish(input: { residentId: $r, category: OTHER, description: "x", requestedBy: "2001-01-01" }) { id } }`,
      { r: gid('Resident', w.tree.residents[40].id) });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestedBy' });
  });
});

import { TestGateway } from '@gongzhi/testing';
import { addDays, today } from '@gongzhi/plugin-sdk';
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

  it('a wish past its date reads as EXPIRED and cannot be claimed, and listing it writes nothing; the job persists it', async () => {
    const tomorrow = addDays(today(), 1);
    const [a, b, kept] = [await record(tomorrow), await record(tomorrow), await record('2099-12-31')];
    // a wish of another district, where the program is off: the job leaves it alone
    const other = await gw.seed.tree({ divisionCode: '110109', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 });
    const [off] = await gw.sql(`insert into vb_wish (district_id, street_id, community_id, resident_id, category, description, requested_by)
      values ($1, $2, $3, $4, 'OTHER', 'x', $5) returning id`, [other.district.id, other.streets[0].id, other.communities[0].id, other.residents[0].id, tomorrow]);
    gw.clock.set(new Date(Date.now() + 3 * 86_400_000));
    try {
      const stored = () => gw.sql<{ id: string; status: string; xmin: string }>(`select id, status, xmin::text from vb_wish where id = any($1) order by id`,
        [[uuidOf(a.id), uuidOf(b.id), off.id]]);
      const before = await stored();
      const statements: string[] = [];
      const knex = gw.gateway.requestOrm.em.getConnection().getKnex();
      const listen = (q: { sql: string }) => statements.push(q.sql);
      knex.on('query', listen);
      const c = gid('Community', w.tree.residents[40].communityId);
      const list = await ok(gw, `query($c: ID!) {
        expired: microWishes(scope: $c, status: EXPIRED) { totalCount nodes { id status } }
        published: microWishes(scope: $c, status: PUBLISHED) { nodes { id status } }
        all: microWishes(scope: $c, first: 100) { nodes { id status } } }`, { c });
      knex.off('query', listen);
      expect(list.expired.nodes.map((n: any) => n.id).sort()).toEqual([a.id, b.id].sort());
      expect(list.expired.totalCount).toBe(2);
      expect(list.expired.nodes.every((n: any) => n.status === 'EXPIRED')).toBe(true);
      expect(list.published.nodes.map((n: any) => n.id)).toEqual([kept.id]);
      expect(list.all.nodes.filter((n: any) => [a.id, b.id].includes(n.id)).map((n: any) => n.status)).toEqual(['EXPIRED', 'EXPIRED']);
      // no statement of the read changed a row, and the rows are the very versions they were (an UPDATE makes a new one)
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.filter((q) => /^\s*(update|insert|delete)\b/i.test(q))).toEqual([]);
      expect(await stored()).toEqual(before);
      expect(before.map((r) => r.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED']);

      const claim = await gw.request(`mutation($w: ID!, $v: ID!) { claimMicroWish(input: { wishId: $w, volunteerId: $v }) { status } }`, { w: a.id, v: volunteers[0] });
      expect(claim.errors?.[0].extensions?.code).toBe('CONFLICT');

      expect(await gw.runJobs()).toEqual({ 'volunteer-bank/expire-wishes': 'done' });
      const after = new Map((await stored()).map((r) => [r.id, r.status]));
      expect([after.get(uuidOf(a.id)), after.get(uuidOf(b.id)), after.get(off.id)]).toEqual(['EXPIRED', 'EXPIRED', 'PUBLISHED']);
      expect(await gw.runJobs()).toEqual({ 'volunteer-bank/expire-wishes': 'taken' }); // the same hour: already ran
      expect((await ok(gw, `query($c: ID!) { microWishes(scope: $c, status: EXPIRED) { totalCount } }`, { c })).microWishes.totalCount).toBe(2);
    } finally {
      gw.clock.set(null);
    }
    // staff can still persist it at once
    const d = await record(tomorrow);
    await gw.sql(`update vb_wish set requested_by = $2::date - 1 where id = $1`, [uuidOf(d.id), today()]);
    const n = await ok(gw, `mutation($d: ID!) { expireMicroWishes(district: $d) }`, { d: w.district });
    expect(n.expireMicroWishes).toBe(1);
  });

  it('a wish dated in the past is refused with the field path', async () => {
    const r = await gw.request(`mutation($r: ID!) { recordMicroWish(input: { residentId: $r, category: OTHER, description: "x", requestedBy: "2001-01-01" }) { id } }`,
      { r: gid('Resident', w.tree.residents[40].id) });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestedBy' });
  });
});

import { TestGateway } from '@gongzhi/testing';
import { balanceOf, grant, registerVolunteer, World, world } from './support';

describe('volunteer bank: who may do what', () => {
  let w: World;
  let gw: TestGateway;
  let mine: string;
  let theirs: string;
  let worker: string;
  const GRANT = `mutation($v: ID!, $k: String!) { grantPoints(input: { volunteerId: $v, amount: 5, idempotencyKey: $k }) { transfer { id } } }`;
  beforeAll(async () => {
    w = await world(3);
    gw = w.gw;
    mine = await registerVolunteer(gw, w.tree.residents[0].id); // community 0
    theirs = await registerVolunteer(gw, w.tree.residents[3].id); // community 1
    worker = (await gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: w.tree.communities[0].id })).token;
  });
  afterAll(() => gw?.close());

  it('a community worker credits volunteers of their community only', async () => {
    const ok = await gw.request(GRANT, { v: mine, k: 'w-1' }, { token: worker });
    expect(ok.errors).toBeUndefined();
    const other = await gw.request(GRANT, { v: theirs, k: 'w-2' }, { token: worker });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(other.errors?.[0].extensions?.code);
    expect(await balanceOf(gw, mine)).toBe(5);
    expect(await balanceOf(gw, theirs)).toBe(0);
  });

  it('reversals are for district admins; anonymous callers are refused', async () => {
    const g = await grant(gw, mine, 9, 'admin-grant');
    const rev = await gw.request(`mutation($t: ID!) { reversePointsTransfer(input: { transferId: $t, reason: "x", idempotencyKey: "r" }) { transfer { id } } }`,
      { t: g.grantPoints.transfer.id }, { token: worker });
    expect(rev.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anon = await gw.request(GRANT, { v: mine, k: 'anon' }, { token: null });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await balanceOf(gw, mine)).toBe(14);
  });
});

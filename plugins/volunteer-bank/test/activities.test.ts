import { TestGateway } from '@gongzhi/testing';
import { gid, ledgerViolations, ok, registerVolunteer, uuidOf, World, world } from './support';
import { starLevelFor } from '../src/services/volunteer.service';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

describe('volunteer bank: activities, sign-ups and verified hours', () => {
  let w: World;
  let gw: TestGateway;
  beforeAll(async () => {
    w = await world(60);
    gw = w.gw;
  });
  afterAll(() => gw?.close());

  async function post(capacity: number): Promise<string> {
    const d = await ok(gw, `mutation($c: ID!, $s: DateTimeISO!, $e: DateTimeISO!, $n: Int!) { postVolunteerActivity(input: {
      communityId: $c, title: "治安巡逻", category: PATROL, place: "小区东门", startsAt: $s, endsAt: $e, capacity: $n }) { id capacity signedUp } }`,
    { c: w.community, s: hoursAgo(4), e: hoursAgo(1), n: capacity });
    return d.postVolunteerActivity.id;
  }

  it('200 concurrent sign-ups for capacity 50: exactly 50 succeed', async () => {
    const volunteers: string[] = [];
    for (const r of w.tree.residents.slice(0, 200)) volunteers.push(await registerVolunteer(gw, r.id));
    const activity = await post(50);
    const results = await Promise.all(volunteers.map((v) => gw.request(`mutation($a: ID!, $v: ID!) {
      signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id status } }`, { a: activity, v })));
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(50);
    expect(new Set(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code))).toEqual(new Set(['CAPACITY_REACHED']));
    const [row] = await gw.sql('select signed_up from vb_activity where id = $1', [uuidOf(activity)]);
    expect(row.signed_up).toBe(50);
    const [count] = await gw.sql(`select count(*)::int n from vb_sign_up where activity_id = $1 and status <> 'WITHDRAWN'`, [uuidOf(activity)]);
    expect(count.n).toBe(50);
  });

  it('a volunteer cannot sign up twice; withdrawal frees the place', async () => {
    const activity = await post(1);
    const v = (await ok(gw, `query($c: ID!) { volunteers(scope: $c, first: 2) { nodes { id } } }`, { c: w.community })).volunteers.nodes;
    const s1 = await ok(gw, `mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id } }`, { a: activity, v: v[0].id });
    const again = await gw.request(`mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id } }`, { a: activity, v: v[0].id });
    expect(again.errors?.[0].extensions?.code).toBe('CAPACITY_REACHED');
    await ok(gw, `mutation($s: ID!) { withdrawSignUp(input: { signUpId: $s }) { status } }`, { s: s1.signUpForActivity.id });
    const s2 = await gw.request(`mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { activity { signedUp } } }`,
      { a: activity, v: v[1].id });
    expect(s2.data?.signUpForActivity.activity.signedUp).toBe(1);
  });

  it('check-in, check-out and verification: adjustment needs a reason; only verified hours earn points', async () => {
    const activity = await post(3);
    const v = await registerVolunteer(gw, w.tree.residents[w.tree.residents.length - 1].id);
    const s = (await ok(gw, `mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id } }`,
      { a: activity, v })).signUpForActivity.id;
    const early = await gw.request(`mutation($s: ID!) { verifyServiceHours(input: { signUpId: $s, idempotencyKey: "early" }) { points } }`, { s });
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    await ok(gw, `mutation($s: ID!, $t: DateTimeISO!) { checkInToActivity(input: { signUpId: $s, at: $t }) { status } }`, { s, t: hoursAgo(3) });
    const out = await ok(gw, `mutation($s: ID!, $t: DateTimeISO!) { checkOutOfActivity(input: { signUpId: $s, at: $t }) { status recordedMinutes } }`,
      { s, t: hoursAgo(1.5) });
    expect(out.checkOutOfActivity).toEqual({ status: 'CHECKED_OUT', recordedMinutes: 90 });
    const [before] = await gw.sql(`select balance from vb_account where volunteer_id = $1 and kind = 'VOLUNTEER'`, [uuidOf(v)]);
    expect(before.balance).toBe(0);
    const noReason = await gw.request(`mutation($s: ID!) { verifyServiceHours(input: { signUpId: $s, minutes: 120, idempotencyKey: "adj" }) { points } }`, { s });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const d = await ok(gw, `mutation($s: ID!) { verifyServiceHours(input: { signUpId: $s, minutes: 120, reason: "含准备时间", idempotencyKey: "adj" }) {
      minutes points signUp { status verifiedMinutes adjustmentReason volunteer { verifiedHours starLevel pointsAccount { balance } } } } }`, { s });
    expect(d.verifyServiceHours).toMatchObject({
      minutes: 120, points: 20,
      signUp: { status: 'VERIFIED', verifiedMinutes: 120, adjustmentReason: '含准备时间', volunteer: { verifiedHours: 2, starLevel: 0, pointsAccount: { balance: 20 } } },
    });
    expect(await ledgerViolations(gw)).toEqual([]);
  });

  it('star levels at 100/300/600/1000/1500 cumulative hours, recomputed on verification', async () => {
    expect([0, 99, 100, 299, 300, 600, 999, 1000, 1499, 1500, 5000].map((h) => starLevelFor(h * 60))).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
    const v = await registerVolunteer(gw, w.tree.residents[w.tree.residents.length - 2].id);
    await gw.sql('update vb_volunteer set verified_minutes = $1 where id = $2', [99 * 60, uuidOf(v)]);
    const activity = await post(2);
    const s = (await ok(gw, `mutation($a: ID!, $v: ID!) { signUpForActivity(input: { activityId: $a, volunteerId: $v }) { id } }`,
      { a: activity, v })).signUpForActivity.id;
    await ok(gw, `mutation($s: ID!, $t: DateTimeISO!) { checkInToActivity(input: { signUpId: $s, at: $t }) { status } }`, { s, t: hoursAgo(3) });
    await ok(gw, `mutation($s: ID!, $t: DateTimeISO!) { checkOutOfActivity(input: { signUpId: $s, at: $t }) { status } }`, { s, t: hoursAgo(1) });
    await ok(gw, `mutation($s: ID!) { verifyServiceHours(input: { signUpId: $s, idempotencyKey: "star" }) { points } }`, { s });
    const d = await ok(gw, `query($v: ID!) { node(id: $v) { ... on Volunteer { starLevel verifiedHours } } }`, { v });
    expect(d.node).toEqual({ starLevel: 1, verifiedHours: 101 });
    const events = await gw.sql(`select payload from outbox_event where name = 'volunteer.star-level-reached'`);
    expect(events.map((e: any) => e.payload)).toEqual([{ volunteerId: uuidOf(v), level: 1, verifiedHours: 101 }]);
  });

  it('lists and core-type fields are batched (no N+1)', async () => {
    const q = `query($c: ID!, $n: Int!) { volunteers(scope: $c, first: $n) { totalCount nodes { name resident { name volunteer { id } }
      community { name } pointsAccount { balance } teams { name } } } }`;
    const few = await gw.request(q, { c: gid('Street', w.tree.streets[0].id), n: 2 });
    const many = await gw.request(q, { c: gid('Street', w.tree.streets[0].id), n: 50 });
    expect(many.errors).toBeUndefined();
    expect(many.data.volunteers.nodes.length).toBe(50);
    for (const n of many.data.volunteers.nodes) expect(n.resident.volunteer.id).toBeTruthy();
    expect(many.sqlCount).toBe(few.sqlCount); // the statement count does not grow with the page
    const team = await gw.request(`query($c: ID!) { node(id: $c) { ... on Community { volunteerTeams { name } } } }`, { c: w.community });
    expect(team.errors).toBeUndefined();
    expect(team.data.node.volunteerTeams).toEqual([]);
  });
});

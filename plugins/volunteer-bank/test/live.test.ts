import { TestGateway } from '@gongzhi/testing';
import { gid, grant, ok, registerVolunteer, World, world } from './support';

const withTimeout = <T>(p: Promise<T>, ms = 10_000) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timed out waiting for an event')), ms))]);

describe('volunteer bank: live feed, leaderboards and figures', () => {
  let w: World;
  let gw: TestGateway;
  let v1: string;
  let v2: string;
  beforeAll(async () => {
    w = await world(4);
    gw = w.gw;
    v1 = await registerVolunteer(gw, w.tree.residents[0].id); // community 0
    v2 = await registerVolunteer(gw, w.tree.residents[4].id); // community 1
  });
  afterAll(() => gw?.close());

  it("a community's activity feed receives its volunteers' points, and only theirs", async () => {
    const feed = gw.subscribe(`subscription($s: ID!) { volunteerActivityFeed(scope: $s) { eventId kind volunteerId points } }`, { s: w.community });
    const next = feed.next();
    await new Promise((r) => setTimeout(r, 300));
    await grant(gw, v2, 9, 'other-community');
    await grant(gw, v1, 11, 'feed-1');
    await gw.settleEvents();
    const item = (await withTimeout(next)).value as any;
    expect(item.errors).toBeUndefined();
    expect(item.data.volunteerActivityFeed).toMatchObject({ kind: 'POINTS_CREDITED', volunteerId: v1, points: 11 });
    await feed.return?.();
  });

  it('the leaderboard subscription re-queries when points move', async () => {
    const board = gw.subscribe(`subscription($s: ID!) { volunteerLeaderboardChanged(scope: $s, period: WEEK) { period entries { rank points volunteer { id } } } }`,
      { s: w.district });
    const next = board.next();
    await new Promise((r) => setTimeout(r, 300));
    await grant(gw, v2, 100, 'board-1');
    await gw.settleEvents();
    const item = (await withTimeout(next)).value as any;
    expect(item.data.volunteerLeaderboardChanged.entries.map((e: any) => [e.rank, e.volunteer.id, e.points])).toEqual([[1, v2, 109], [2, v1, 11]]);
    await board.return?.();
  });

  it('leaderboards by community, street and district, and the figures, are computed in SQL', async () => {
    const q = `query($s: ID!, $p: LeaderboardPeriod!) { volunteerLeaderboard(scope: $s, period: $p) { entries { rank points volunteer { id } } } }`;
    const district = await gw.request(q, { s: w.district, p: 'ALL_TIME' });
    expect(district.data.volunteerLeaderboard.entries.map((e: any) => e.volunteer.id)).toEqual([v2, v1]);
    const community = await ok(gw, q, { s: w.community, p: 'MONTH' });
    expect(community.volunteerLeaderboard.entries.map((e: any) => [e.rank, e.points])).toEqual([[1, 11]]);
    const street = await ok(gw, q, { s: gid('Street', w.tree.streets[1].id), p: 'YEAR' });
    expect(street.volunteerLeaderboard.entries).toEqual([]);
    const figures = await ok(gw, `query($s: ID!) { volunteerBankFigures(scope: $s) { volunteers hoursThisMonth pointsInCirculation openWishes } }`, { s: w.district });
    expect(figures.volunteerBankFigures).toEqual({ volunteers: 2, hoursThisMonth: 0, pointsInCirculation: 120, openWishes: 0 });
  });

  it('adds a volunteer section to the live district dashboard', async () => {
    const dash = gw.subscribe(`subscription($n: ID!) { dashboard(node: $n) { sections { program figures { key value } } } }`, { n: w.district });
    const first = (await withTimeout(dash.next())).value as any;
    await dash.return?.();
    expect(first.errors).toBeUndefined();
    const section = first.data.dashboard.sections.find((x: any) => x.program === 'volunteer-bank');
    expect(Object.fromEntries(section.figures.map((f: any) => [f.key, f.value]))).toEqual({
      volunteers: 2, hoursThisMonth: 0, pointsInCirculation: 120, openWishes: 0,
    });
  });
});

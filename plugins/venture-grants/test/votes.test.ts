import { advanceTo, codeOf, gid, ok, round, uuid, world, type World } from './support';

let w: World;
let roundId: string;
let apps: string[];
const c = (i: number) => w.tree.communities[i];
const VOTE = `mutation($a: ID!) { castVentureVote(applicationId: $a) { id } }`;
const TALLY = `query($r: ID!) { node(id: $r) { ... on VentureRound { myVotesLeft voteTally { applicationId title votes } } } }`;

async function resident(i: number, community = 0) {
  const r = w.tree.residents.filter((x) => x.communityId === c(community).id)[i];
  return (await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c(community).id, residentId: r.id })).token;
}

beforeAll(async () => {
  w = await world();
  roundId = await round(w.gw, gid('Street', c(0).streetId), { projectCapFen: 1_000_000 });
  await advanceTo(w.gw, roundId, 'APPLICATION');
  const org = await w.gw.seed.organization({ districtId: w.tree.district.id, communityIds: [c(0).id] });
  const token = (await w.gw.account({ role: 'ORG_STAFF', level: 'ORGANIZATION', districtId: w.tree.district.id, scopeId: org.id })).token;
  apps = [];
  for (let i = 0; i < 6; i++) {
    const a = (await ok(w.gw, `mutation($i: DraftVentureApplicationInput!) { draftVentureApplication(input: $i) { id } }`, { i: {
      roundId, organizationId: gid('SocialOrganization', org.id), content: { title: `项目${i}`, category: 'ELDERLY', summary: '为老服务', expectedBeneficiaries: 50,
        targetCommunityIds: [gid('Community', c(0).id)], budgetLines: [{ item: '服务', unitPriceFen: 10_000, quantity: 10 }] } } }, token)).draftVentureApplication.id;
    if (i < 5) await ok(w.gw, `mutation($id: ID!) { submitVentureApplication(id: $id) { id } }`, { id: a }, token);
    apps.push(a);
  }
  await advanceTo(w.gw, roundId, 'PUBLIC_VOTE');
});
afterAll(async () => { await w.gw.close(); });

describe('public vote', () => {
  it('a resident firing 50 votes at once gets exactly the district\'s 3, at most one per project', async () => {
    const token = await resident(0);
    const shots = await Promise.all(Array.from({ length: 50 }, (_, i) => w.gw.request(VOTE, { a: apps[i % 5] }, { token })));
    expect(shots.filter((r) => !r.errors).length).toBe(3);
    expect(shots.filter((r) => !r.errors).map((r) => r.data.castVentureVote.id).sort()).toEqual([...new Set(shots.filter((r) => !r.errors).map((r) => r.data.castVentureVote.id))].sort());
    expect(new Set(shots.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code))).toEqual(new Set(['CONFLICT']));
    const [row] = await w.gw.sql('select count(*)::int as n, count(distinct application_id)::int as d from vg_vote where round_id = $1', [uuid(roundId)]);
    expect(row).toEqual({ n: 3, d: 3 });
    const tally = await ok(w.gw, TALLY, { r: roundId }, token);
    expect(tally.node.myVotesLeft).toBe(0);
    expect(tally.node.voteTally.reduce((s: number, t: any) => s + t.votes, 0)).toBe(3);
  });

  it('only residents of the round\'s area vote, only for submitted projects', async () => {
    const before = (await w.gw.sql('select count(*)::int as n from vg_vote'))[0].n;
    const outside = w.tree.communities.findIndex((x) => x.streetId !== c(0).streetId);
    expect(codeOf(await w.gw.request(VOTE, { a: apps[0] }, { token: await resident(0, outside) }))).toBe('NOT_ELIGIBLE');
    expect(codeOf(await w.gw.request(VOTE, { a: apps[5] }, { token: await resident(1) }))).toBe('NOT_FOUND');
    const intruder = (await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.other.district.id, scopeId: w.other.communities[0].id, residentId: w.other.residents[0].id })).token;
    expect(codeOf(await w.gw.request(VOTE, { a: apps[0] }, { token: intruder }))).toBe('NOT_FOUND');
    const worker = (await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c(0).id })).token;
    expect(codeOf(await w.gw.request(VOTE, { a: apps[0] }, { token: worker }))).toBe('FORBIDDEN');
    expect((await w.gw.sql('select count(*)::int as n from vg_vote'))[0].n).toBe(before);
  });

  it('the tally is live over graphql-ws and names no voter', async () => {
    const client = w.gw.wsClient({ authorization: `Bearer ${await resident(2)}` });
    const got: any[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe({ query: `subscription($r: ID!) { ventureVoteTally(roundId: $r) { applicationId votes } }`, variables: { r: roundId } }, {
        next: (m: any) => { got.push(m); if (got.length === 1) resolve(); }, error: reject, complete: () => undefined,
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    await ok(w.gw, VOTE, { a: apps[4] }, await resident(1));
    await done;
    expect(got[0].errors).toBeUndefined();
    expect(got[0].data.ventureVoteTally.find((t: any) => t.applicationId === apps[4]).votes).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(got[0])).not.toMatch(/resident/i);
  });

  it('no vote is taken once the vote phase is over', async () => {
    await advanceTo(w.gw, roundId, 'CONTRACTING');
    const late = await w.gw.request(VOTE, { a: apps[3] }, { token: await resident(2) });
    expect([codeOf(late), late.errors?.[0]?.extensions?.phase]).toEqual(['WRONG_PHASE', 'CONTRACTING']);
  });
});

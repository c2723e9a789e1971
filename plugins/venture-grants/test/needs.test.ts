import { advanceTo, codeOf, fieldsOf, gid, ok, round, schedule, uuid, world, type World } from './support';

let w: World;
let roundId: string;
const d = () => gid('District', w.tree.district.id);
const c = (i: number) => w.tree.communities[i];
const residentsOf = (i: number) => w.tree.residents.filter((r) => r.communityId === c(i).id);

const RECORD = `mutation($i: RecordVentureNeedInput!) { recordVentureNeed(input: $i) { id category byResident supportCount status community { id } } }`;
const SUPPORT = `mutation($id: ID!) { supportVentureNeed(needId: $id) { id supportCount supportedByMe } }`;
const MERGE = `mutation($i: MergeVentureNeedsInput!) { mergeVentureNeeds(input: $i) { id supportCount } }`;
const NEEDS = `query($r: ID!, $c: ID) { node(id: $r) { ... on VentureRound { needs(communityId: $c, first: 50) { totalCount nodes { id description supportCount supportedByMe status priority byResident mergedInto { id } community { name } } } } } }`;
const needCount = async () => (await w.gw.sql('select (select count(*) from vg_need)::int n, (select count(*) from vg_need_support)::int s, (select coalesce(sum(support_count), 0)::int from vg_need) c'))[0];

async function residentToken(community: number, i = 0) {
  return (await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c(community).id, residentId: residentsOf(community)[i].id })).token;
}
async function workerToken(community: number) {
  return (await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c(community).id })).token;
}
async function need(token: string, over: Record<string, unknown> = {}, r = roundId): Promise<string> {
  return (await ok(w.gw, RECORD, { i: { roundId: r, category: 'ELDERLY', description: '独居老人需要上门探访', ...over } }, token)).recordVentureNeed.id;
}

beforeAll(async () => {
  w = await world();
  roundId = await round(w.gw, d());
  await advanceTo(w.gw, roundId, 'NEEDS');
});
afterAll(async () => { await w.gw.close(); });

describe('needs', () => {
  it('are recorded by residents for themselves and by community workers, in the round\'s categories and area', async () => {
    const mine = await ok(w.gw, RECORD, { i: { roundId, category: 'CHILDREN_YOUTH', description: '孩子放学后没人看护' } }, await residentToken(0));
    expect(mine.recordVentureNeed).toMatchObject({ byResident: true, supportCount: 0, status: 'OPEN', community: { id: gid('Community', c(0).id) } });
    const worker = await ok(w.gw, RECORD, { i: { roundId, communityId: gid('Community', c(0).id), category: 'ELDERLY', description: '楼道无障碍扶手' } }, await workerToken(0));
    expect(worker.recordVentureNeed.byResident).toBe(false);

    const before = await needCount();
    const bad = await w.gw.request(RECORD, { i: { roundId, category: 'WOMEN', description: 'x'.repeat(501) } }, { token: await residentToken(0) });
    expect([codeOf(bad), fieldsOf(bad)]).toEqual(['BAD_USER_INPUT', ['input.category', 'input.description']]);
    const streetRound = await round(w.gw, gid('Street', w.tree.streets[0].id));
    await advanceTo(w.gw, streetRound, 'NEEDS');
    const outside = w.tree.communities.findIndex((x) => x.streetId !== w.tree.streets[0].id);
    const far = await w.gw.request(RECORD, { i: { roundId: streetRound, communityId: gid('Community', c(outside).id), category: 'ELDERLY', description: '需求' } });
    expect([codeOf(far), fieldsOf(far)]).toEqual(['BAD_USER_INPUT', ['input.communityId']]);
    // A worker may record for their own community only; a resident only their own need.
    expect(codeOf(await w.gw.request(RECORD, { i: { roundId, communityId: gid('Community', c(1).id), category: 'ELDERLY', description: '需求' } }, { token: await workerToken(0) }))).toBe('FORBIDDEN');
    expect(codeOf(await w.gw.request(RECORD, { i: { roundId, communityId: gid('Community', c(0).id), category: 'ELDERLY', description: '需求' } }, { token: await residentToken(0) }))).toBe('FORBIDDEN');
    const orgStaff = (await w.gw.account({ role: 'ORG_STAFF', level: 'ORGANIZATION', districtId: w.tree.district.id, scopeId: (await w.gw.seed.organization({ districtId: w.tree.district.id })).id })).token;
    expect(fieldsOf(await w.gw.request(RECORD, { i: { roundId, category: 'ELDERLY', description: '需求' } }, { token: orgStaff }))).toEqual(['input.communityId']);
    expect(await needCount()).toEqual(before);
  });

  it('are taken only while the round collects needs (WRONG_PHASE), and another district reads NOT_FOUND', async () => {
    const draft = await round(w.gw, d());
    const early = await w.gw.request(RECORD, { i: { roundId: draft, category: 'ELDERLY', description: '需求' } }, { token: await residentToken(0) });
    expect([codeOf(early), early.errors?.[0]?.extensions?.phase]).toEqual(['WRONG_PHASE', 'DRAFT']);
    const id = await need(await residentToken(1));
    const intruder = (await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.other.district.id, scopeId: w.other.communities[0].id, residentId: w.other.residents[0].id })).token;
    const before = await needCount();
    expect(codeOf(await w.gw.request(RECORD, { i: { roundId, category: 'ELDERLY', description: '需求' } }, { token: intruder }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gw.request(SUPPORT, { id }, { token: intruder }))).toBe('NOT_FOUND');
    const admin = (await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id })).token;
    expect(codeOf(await w.gw.request(MERGE, { i: { needId: id, intoNeedId: id } }, { token: admin }))).toBe('NOT_FOUND');
    const list = await w.gw.request(NEEDS, { r: roundId }, { token: admin });
    expect([codeOf(list) ?? null, list.data?.node ?? null]).toEqual(['NOT_FOUND', null]);
    // A neighbour supports; someone from another community of the district may not.
    expect(codeOf(await w.gw.request(SUPPORT, { id }, { token: await residentToken(0) }))).toBe('FORBIDDEN');
    expect(await needCount()).toEqual(before);
  });

  it('a resident supports a need once, however many times at once; many residents each count', async () => {
    const id = await need(await workerToken(2), { communityId: gid('Community', c(2).id) });
    const token = await residentToken(2, 0);
    const burst = await Promise.all(Array.from({ length: 20 }, () => w.gw.request(SUPPORT, { id }, { token })));
    expect(burst.filter((r) => !r.errors).length).toBe(1);
    expect(burst.filter((r) => r.errors?.[0]?.extensions?.reason === 'ALREADY_SUPPORTED').length).toBe(19);
    const others = await Promise.all([1, 2].map((i) => residentToken(2, i)));
    await Promise.all(others.map((t) => ok(w.gw, SUPPORT, { id }, t)));
    const [row] = await w.gw.sql('select support_count, (select count(*)::int from vg_need_support where need_id = $1) as rows from vg_need where id = $1', [uuid(id)]);
    expect(row).toEqual({ support_count: 3, rows: 3 });
    const read = await ok(w.gw, NEEDS, { r: roundId, c: gid('Community', c(2).id) }, token);
    expect(read.node.needs.nodes.find((n: any) => n.id === id)).toMatchObject({ supportCount: 3, supportedByMe: true });
  });

  it('workers assess and merge duplicates: supporters move, a resident who supported both counts once, no chains', async () => {
    const worker = await workerToken(3);
    const at = { communityId: gid('Community', c(3).id) };
    const [a, b, x] = [await need(worker, at), await need(worker, at), await need(worker, at)];
    const [r0, r1] = [await residentToken(3, 0), await residentToken(3, 1)];
    await ok(w.gw, SUPPORT, { id: a }, r0);
    await ok(w.gw, SUPPORT, { id: b }, r0);
    await ok(w.gw, SUPPORT, { id: b }, r1);
    expect((await ok(w.gw, MERGE, { i: { needId: b, intoNeedId: a } }, worker)).mergeVentureNeeds.supportCount).toBe(2);
    expect(codeOf(await w.gw.request(SUPPORT, { id: b }, { token: r1 }))).toBe('CONFLICT');
    expect(codeOf(await w.gw.request(MERGE, { i: { needId: x, intoNeedId: b } }, { token: worker }))).toBe('CONFLICT');
    expect(fieldsOf(await w.gw.request(MERGE, { i: { needId: a, intoNeedId: a } }, { token: worker }))).toEqual(['input.intoNeedId']);
    // Two workers merging a pair each way at once: one wins, the other is refused, never a cycle.
    const both = await Promise.all([w.gw.request(MERGE, { i: { needId: x, intoNeedId: a } }, { token: worker }), w.gw.request(MERGE, { i: { needId: a, intoNeedId: x } }, { token: worker })]);
    expect(both.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const rows = await w.gw.sql(`select count(*)::int as n from vg_need where status = 'OPEN' and id = any($1::uuid[])`, [[a, x].map(uuid)]);
    expect(rows[0].n).toBe(1);
    const assess = `mutation($i: AssessVentureNeedInput!) { assessVentureNeed(input: $i) { priority assessedAt } }`;
    const kept = both[0].errors ? x : a;
    expect((await ok(w.gw, assess, { i: { needId: kept, priority: 'HIGH' } }, worker)).assessVentureNeed.priority).toBe('HIGH');
    expect(codeOf(await w.gw.request(assess, { i: { needId: kept, priority: 'LOW' } }, { token: r0 }))).toBe('FORBIDDEN');
  });

  it('a resident lists only their community\'s needs, and the list costs the same statements for 3 or 30 needs', async () => {
    const r = await round(w.gw, d(), { schedule: schedule(0) });
    await advanceTo(w.gw, r, 'NEEDS');
    const worker = await workerToken(1);
    const add = async (n: number) => { for (let i = 0; i < n; i++) await need(worker, { communityId: gid('Community', c(1).id) }, r); };
    await add(3);
    const token = await residentToken(1);
    await ok(w.gw, '{ __typename }', {}, token); // the session's identity is loaded once, not per request
    const few = await w.gw.request(NEEDS, { r }, { token });
    await add(27);
    const many = await w.gw.request(NEEDS, { r }, { token });
    expect(many.data.node.needs.totalCount).toBe(30);
    expect(many.sqlCount).toBe(few.sqlCount);
    process.stdout.write(`needs list SQL statements: 3 needs → ${few.sqlCount}, 30 needs → ${many.sqlCount}\n`);
    await need(await workerToken(0), { communityId: gid('Community', c(0).id) }, r);
    const seen = await ok(w.gw, NEEDS, { r }, token);
    expect(seen.node.needs.totalCount).toBe(30);
  });
});

import { advanceTo, codeOf, fieldsOf, gid, ok, round, uuid, world, type World } from './support';

let w: World;
let roundId: string;
let orgId: string;
let orgToken: string;
let needId: string;
const d = () => gid('District', w.tree.district.id);
const c = (i: number) => w.tree.communities[i];

const DRAFT = `mutation($i: DraftVentureApplicationInput!) { draftVentureApplication(input: $i) { id status totalFen capFen budgetLines { item amountFen } targetCommunities { id } answeredNeeds { id } } }`;
const UPDATE = `mutation($i: UpdateVentureApplicationInput!) { updateVentureApplication(input: $i) { id totalFen } }`;
const SUBMIT = `mutation($id: ID!) { submitVentureApplication(id: $id) { id status submittedAt } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawVentureApplication(id: $id) { id status } }`;
const LIST = `query($r: ID!) { node(id: $r) { ... on VentureRound { applications(first: 50) { totalCount nodes { id status } } } } }`;
const stored = async () => (await w.gw.sql(`select (select count(*) from vg_application)::int a, (select count(*) from vg_budget_line)::int l,
  (select coalesce(sum(total_fen), 0)::bigint::text from vg_application) t, (select count(*) from vg_application_need)::int n`))[0];

const content = (over: Record<string, unknown> = {}) => ({
  title: '四点半课堂', category: 'CHILDREN_YOUTH', summary: '为双职工家庭孩子提供课后看护', expectedBeneficiaries: 120,
  targetCommunityIds: [gid('Community', c(0).id)], answeredNeedIds: [needId],
  budgetLines: [{ item: '志愿者补贴', unitPriceFen: 5_000, quantity: 200 }, { item: '教具', unitPriceFen: 120_000, quantity: 3 }], ...over,
});

beforeAll(async () => {
  w = await world();
  roundId = await round(w.gw, d(), { projectCapFen: 2_000_000 });
  await advanceTo(w.gw, roundId, 'NEEDS');
  const worker = (await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c(0).id })).token;
  needId = (await ok(w.gw, `mutation($i: RecordVentureNeedInput!) { recordVentureNeed(input: $i) { id } }`,
    { i: { roundId, communityId: gid('Community', c(0).id), category: 'CHILDREN_YOUTH', description: '孩子放学后没人看护' } }, worker)).recordVentureNeed.id;
  await advanceTo(w.gw, roundId, 'APPLICATION');
  const org = await w.gw.seed.organization({ districtId: w.tree.district.id, communityIds: [c(0).id, c(1).id] });
  orgId = gid('SocialOrganization', org.id);
  orgToken = (await w.gw.account({ role: 'ORG_STAFF', level: 'ORGANIZATION', districtId: w.tree.district.id, scopeId: org.id })).token;
});
afterAll(async () => { await w.gw.close(); });

describe('applications', () => {
  it('are drafted by a serving organisation with a total the database sums from the lines, then submitted and withdrawn', async () => {
    const a = (await ok(w.gw, DRAFT, { i: { roundId, organizationId: orgId, content: content() } }, orgToken)).draftVentureApplication;
    expect(a).toMatchObject({ status: 'DRAFT', totalFen: 1_360_000, capFen: 2_000_000, answeredNeeds: [{ id: needId }] });
    expect(a.budgetLines.map((l: any) => l.amountFen)).toEqual([1_000_000, 360_000]);
    const [row] = await w.gw.sql('select total_fen::text, (select sum(amount_fen)::text from vg_budget_line where application_id = $1) as sum from vg_application where id = $1', [uuid(a.id)]);
    expect(row).toEqual({ total_fen: '1360000', sum: '1360000' });
    // The cap is the database's too: a write around the gateway cannot pass it.
    await expect(w.gw.sql('update vg_application set total_fen = cap_fen + 1 where id = $1', [uuid(a.id)])).rejects.toThrow(/vg_application_within_cap/);
    const upd = await ok(w.gw, UPDATE, { i: { applicationId: a.id, content: content({ budgetLines: [{ item: '场地', unitPriceFen: 1_999_999, quantity: 1 }] }) } }, orgToken);
    expect(upd.updateVentureApplication.totalFen).toBe(1_999_999);
    // An officer does not see a draft; a submitted one, yes. Another organisation never.
    const officer = (await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.tree.district.id })).token;
    expect((await ok(w.gw, LIST, { r: roundId }, officer)).node.applications.totalCount).toBe(0);
    expect((await ok(w.gw, SUBMIT, { id: a.id }, orgToken)).submitVentureApplication.status).toBe('SUBMITTED');
    expect((await ok(w.gw, LIST, { r: roundId }, officer)).node.applications.nodes).toEqual([{ id: a.id, status: 'SUBMITTED' }]);
    const rival = await w.gw.seed.organization({ districtId: w.tree.district.id, communityIds: [c(0).id] });
    const rivalToken = (await w.gw.account({ role: 'ORG_STAFF', level: 'ORGANIZATION', districtId: w.tree.district.id, scopeId: rival.id })).token;
    expect((await ok(w.gw, LIST, { r: roundId }, rivalToken)).node.applications.totalCount).toBe(0);
    expect((await w.gw.request(`query($id: ID!) { node(id: $id) { id } }`, { id: a.id }, { token: rivalToken })).data?.node ?? null).toBeNull();
    expect(codeOf(await w.gw.request(WITHDRAW, { id: a.id }, { token: rivalToken }))).toBe('FORBIDDEN');
    expect(codeOf(await w.gw.request(UPDATE, { i: { applicationId: a.id, content: content() } }, { token: orgToken }))).toBe('CONFLICT');
    expect(codeOf(await w.gw.request(SUBMIT, { id: a.id }, { token: orgToken }))).toBe('CONFLICT');
    expect((await ok(w.gw, WITHDRAW, { id: a.id }, orgToken)).withdrawVentureApplication.status).toBe('WITHDRAWN');
  });

  it('refuses a total over the cap, bad lines, communities it does not serve and foreign needs, with field paths and nothing stored', async () => {
    const before = await stored();
    const over = await w.gw.request(DRAFT, { i: { roundId, organizationId: orgId, content: content({ budgetLines: [{ item: '场地', unitPriceFen: 1_000_001, quantity: 2 }] }) } }, { token: orgToken });
    expect([codeOf(over), fieldsOf(over)]).toEqual(['BAD_USER_INPUT', ['input.content.budgetLines']]);
    const huge = await w.gw.request(DRAFT, { i: { roundId, organizationId: orgId, content: content({ budgetLines: Array.from({ length: 100 }, () => ({ item: '大额', unitPriceFen: 2_000_000_000, quantity: 100_000 })) }) } }, { token: orgToken });
    expect(fieldsOf(huge)).toEqual(['input.content.budgetLines']);
    const bad = await w.gw.request(DRAFT, { i: { roundId, organizationId: orgId, content: content({
      title: '', category: 'WOMEN', expectedBeneficiaries: 0, budgetLines: [{ item: 'x', unitPriceFen: 0, quantity: 1 }, { item: 'y', unitPriceFen: 10, quantity: 0 }],
    }) } }, { token: orgToken });
    expect(fieldsOf(bad)).toEqual(['input.content.budgetLines.0.unitPriceFen', 'input.content.budgetLines.1.quantity', 'input.content.category', 'input.content.expectedBeneficiaries', 'input.content.title']);
    const notServed = await w.gw.request(DRAFT, { i: { roundId, organizationId: orgId, content: content({ targetCommunityIds: [gid('Community', c(0).id), gid('Community', c(2).id), gid('Community', w.other.communities[0].id)] }) } }, { token: orgToken });
    expect(fieldsOf(notServed)).toEqual(['input.content.targetCommunityIds.1', 'input.content.targetCommunityIds.2']);
    const needElsewhere = await w.gw.request(DRAFT, { i: { roundId, organizationId: orgId, content: content({ targetCommunityIds: [gid('Community', c(1).id)] }) } }, { token: orgToken });
    expect(fieldsOf(needElsewhere)).toEqual(['input.content.answeredNeedIds.0']);
    expect(await stored()).toEqual(before);
  });

  it('answers NOT_FOUND across districts, FORBIDDEN to other roles and WRONG_PHASE outside APPLICATION', async () => {
    const before = await stored();
    const otherOrg = await w.gw.seed.organization({ districtId: w.other.district.id, communityIds: [w.other.communities[0].id] });
    const intruder = (await w.gw.account({ role: 'ORG_STAFF', level: 'ORGANIZATION', districtId: w.other.district.id, scopeId: otherOrg.id })).token;
    expect(codeOf(await w.gw.request(DRAFT, { i: { roundId, organizationId: gid('SocialOrganization', otherOrg.id), content: content() } }, { token: intruder }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gw.request(DRAFT, { i: { roundId, organizationId: orgId, content: content() } }, { token: intruder }))).toBe('NOT_FOUND');
    const resident = (await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c(0).id, residentId: w.tree.residents[0].id })).token;
    expect(codeOf(await w.gw.request(DRAFT, { i: { roundId, organizationId: orgId, content: content() } }, { token: resident }))).toBe('FORBIDDEN');
    const later = await round(w.gw, d(), { projectCapFen: 2_000_000 });
    await advanceTo(w.gw, later, 'NEEDS');
    const early = await w.gw.request(DRAFT, { i: { roundId: later, organizationId: orgId, content: content({ answeredNeedIds: [] }) } }, { token: orgToken });
    expect([codeOf(early), early.errors?.[0]?.extensions?.phase]).toEqual(['WRONG_PHASE', 'NEEDS']);
    expect(await stored()).toEqual(before);
    const a = (await ok(w.gw, DRAFT, { i: { roundId, organizationId: orgId, content: content() } }, orgToken)).draftVentureApplication.id;
    await advanceTo(w.gw, roundId, 'REVIEW');
    expect(codeOf(await w.gw.request(SUBMIT, { id: a }, { token: orgToken }))).toBe('WRONG_PHASE');
    expect(codeOf(await w.gw.request(SUBMIT, { id: a }, { token: intruder }))).toBe('NOT_FOUND');
  });
});

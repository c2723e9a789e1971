import { createTestGateway, type SeededTree, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';

/**
 * Family and guardians as a core concept: staff record, with the resident's consent, that a
 * relative may act for them; the resident can withdraw it, the relative can step back; both
 * see it from their own accounts; programs ask `ctx.core.relation` (legal-advisors' test
 * books on an elder's behalf through it). Accounts are linked to the resident they sign in as.
 */
let gw: TestGateway;
let tree: SeededTree;
let other: SeededTree;
beforeAll(async () => {
  gw = await createTestGateway();
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 1, residentsPerCommunity: 4 });
  other = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 });
});
afterAll(() => gw?.close());

const gid = toGlobalId;
const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const RECORD = `mutation($i: RecordResidentRelationInput!) { recordResidentRelation(input: $i) { id kind consentMethod residentName relativeName endedAt } }`;
const END = `mutation($id: ID!, $r: RelationEndReason!) { endResidentRelation(id: $id, reason: $r) { endedAt endReason } }`;
const MINE = `{ myRelations { caresFor { residentName kind } caredBy { relativeName kind } } }`;
const live = async () => (await gw.sql(`select count(*)::int as n from resident_relation where ended_at is null`))[0].n as number;

const inCommunity = (i: number) => tree.residents.filter((r) => r.communityId === tree.communities[i].id);
const worker = (i: number) => gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: tree.district.id, scopeId: tree.communities[i].id });
const residentAccount = (r: { id: string; communityId: string }) => gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: tree.district.id, scopeId: r.communityId, residentId: r.id });

test("the elder's community worker records it (the child lives in another community); both parties see it from their own accounts", async () => {
  const [elder] = inCommunity(0);
  const [child] = inCommunity(1);
  const w = await worker(0);
  const res = await gw.request(RECORD, { i: { residentId: gid('Resident', elder.id), relativeId: gid('Resident', child.id), kind: 'CHILD', consentMethod: 'IN_PERSON' } }, { token: w.token });
  expect(res.errors).toBeUndefined();
  expect(res.data.recordResidentRelation).toMatchObject({ kind: 'CHILD', consentMethod: 'IN_PERSON', residentName: elder.name, relativeName: child.name, endedAt: null });
  const childView = await gw.request(MINE, {}, { token: (await residentAccount(child)).token });
  expect(childView.data.myRelations).toEqual({ caresFor: [{ residentName: elder.name, kind: 'CHILD' }], caredBy: [] });
  const elderView = await gw.request(MINE, {}, { token: (await residentAccount(elder)).token });
  expect(elderView.data.myRelations.caredBy).toEqual([{ relativeName: child.name, kind: 'CHILD' }]);
  const staffView = await gw.request(`query($id: ID!) { node(id: $id) { ... on Resident { relatives { relativeName } } } }`, { id: gid('Resident', elder.id) }, { token: w.token });
  expect(staffView.data.node.relatives).toEqual([{ relativeName: child.name }]);
  // the same pair twice, ten times at once: still one live relation
  const again = await Promise.all(Array.from({ length: 10 }, () => gw.request(RECORD, { i: { residentId: gid('Resident', elder.id), relativeId: gid('Resident', child.id), kind: 'CHILD', consentMethod: 'IN_PERSON' } }, { token: w.token })));
  expect(again.map((r) => `${code(r)}:${r.errors?.[0]?.extensions?.reason}`)).toEqual(Array(10).fill('CONFLICT:RELATION_EXISTS'));
  expect(await live()).toBe(1);
});

test('bad input is refused with the field and stores nothing', async () => {
  const [, elder] = inCommunity(0);
  const w = await worker(0);
  const before = await live();
  const cases: [Record<string, unknown>, string, string][] = [
    [{ relativeId: gid('Resident', elder.id), consentMethod: 'IN_PERSON' }, 'BAD_USER_INPUT', 'input.relativeId'],
    [{ relativeId: gid('Resident', other.residents[0].id), consentMethod: 'IN_PERSON' }, 'BAD_USER_INPUT', 'input.relativeId'],
    [{ relativeId: gid('Community', tree.communities[1].id), consentMethod: 'IN_PERSON' }, 'BAD_USER_INPUT', 'input.relativeId'],
    [{ relativeId: gid('Resident', inCommunity(1)[1].id), consentMethod: 'WRITTEN' }, 'BAD_USER_INPUT', 'input.consentReference'],
    [{ relativeId: gid('Resident', inCommunity(1)[1].id), consentMethod: 'GUARDIANSHIP_ORDER', consentReference: 'x'.repeat(101) }, 'BAD_USER_INPUT', 'input.consentReference'],
  ];
  for (const [extra, c, field] of cases) {
    const res = await gw.request(RECORD, { i: { residentId: gid('Resident', elder.id), kind: 'GUARDIAN', ...extra } }, { token: w.token });
    expect([code(res), res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.fields?.[0]?.field]).toEqual([c, field]);
  }
  expect(await live()).toBe(before);
});

test('who may record: not a worker of another community, not a resident, not another district', async () => {
  const [, , elder] = inCommunity(0);
  const [, , relative] = inCommunity(1);
  const i = { residentId: gid('Resident', elder.id), relativeId: gid('Resident', relative.id), kind: 'SIBLING', consentMethod: 'IN_PERSON' };
  const before = await live();
  expect(code(await gw.request(RECORD, { i }, { token: (await worker(1)).token }))).toBe('FORBIDDEN');
  expect(code(await gw.request(RECORD, { i }, { token: (await residentAccount(relative)).token }))).toBe('FORBIDDEN');
  const foreign = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: other.district.id, scopeId: other.district.id });
  expect(code(await gw.request(RECORD, { i }, { token: foreign.token }))).toBe('NOT_FOUND');
  expect(await live()).toBe(before);
});

test('the elder withdraws consent, the relative steps back; neither can give the other one\'s reason; a stranger cannot end it', async () => {
  const [, , , elder] = inCommunity(0);
  const [, , , child] = inCommunity(1);
  const w = await worker(0);
  const rec = async () => (await gw.request(RECORD, { i: { residentId: gid('Resident', elder.id), relativeId: gid('Resident', child.id), kind: 'CHILD', consentMethod: 'WRITTEN', consentReference: '青溪授字2026-018' } }, { token: w.token })).data.recordResidentRelation.id as string;
  const elderAcc = await residentAccount(elder);
  const childAcc = await residentAccount(child);
  const stranger = await residentAccount(inCommunity(0)[0]);
  const first = await rec();
  expect(code(await gw.request(END, { id: first, r: 'CONSENT_WITHDRAWN' }, { token: childAcc.token }))).toBe('FORBIDDEN');
  expect(code(await gw.request(END, { id: first, r: 'CONSENT_WITHDRAWN' }, { token: stranger.token }))).toBe('FORBIDDEN');
  expect(code(await gw.request(END, { id: first, r: 'CONSENT_WITHDRAWN' }, { token: (await worker(1)).token }))).toBe('FORBIDDEN');
  const ends = await Promise.all(Array.from({ length: 5 }, () => gw.request(END, { id: first, r: 'CONSENT_WITHDRAWN' }, { token: elderAcc.token })));
  expect(ends.filter((r) => !r.errors)).toHaveLength(1);
  expect(new Set(ends.filter((r) => r.errors).map((r) => r.errors![0].extensions!.reason))).toEqual(new Set(['RELATION_ENDED']));
  const second = await rec(); // recorded again after the first ended
  expect(code(await gw.request(END, { id: second, r: 'RELATIVE_STEPPED_BACK' }, { token: elderAcc.token }))).toBe('FORBIDDEN');
  expect(code(await gw.request(END, { id: second, r: 'RELATIVE_STEPPED_BACK' }, { token: childAcc.token }))).toBeUndefined();
  const rows = await gw.sql(`select end_reason from resident_relation where resident_id = $1 order by consented_at`, [elder.id]);
  expect(rows.map((r) => r.end_reason)).toEqual(['CONSENT_WITHDRAWN', 'RELATIVE_STEPPED_BACK']);
  const audit = await gw.sql(`select count(*)::int as n from audit_log where action = 'mutation.endResidentRelation' and outcome = 'SUCCESS'`);
  expect(audit[0].n).toBe(2);
});

test('an account is linked to the resident it signs in as, by staff of that resident only', async () => {
  const [r] = inCommunity(1);
  const LINK = `mutation($a: ID!, $r: ID) { linkAccountToResident(accountId: $a, residentId: $r) { residentId } }`;
  const created = await gw.request(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { username: 'zhang.laoshi', displayName: '张老师', password: 'Qingxi-2026-ok' } });
  const accountId = created.data.createAccount.id;
  expect(code(await gw.request(LINK, { a: accountId, r: gid('Resident', r.id) }, { token: (await worker(0)).token }))).toBe('FORBIDDEN');
  const linked = await gw.request(LINK, { a: accountId, r: gid('Resident', r.id) }, { token: (await worker(1)).token });
  expect(linked.data.linkAccountToResident.residentId).toBe(gid('Resident', r.id));
  const login = await gw.request(`mutation { login(username: "zhang.laoshi", password: "Qingxi-2026-ok") { account { residentId } } }`, {}, { token: null });
  expect(login.data.login.account.residentId).toBe(gid('Resident', r.id));
});

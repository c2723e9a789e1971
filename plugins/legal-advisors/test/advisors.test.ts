import { ASSIGN, certificate, codeOf, gid, lawyer, office, ok, world, type World } from './support';

let w: World;
beforeAll(async () => { w = await world(); });
afterAll(async () => { await w.gw.close(); });

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const COVERAGE = `query($d: ID!) { node(id: $d) { ... on District {
  legalAdvisorCoverage { communities covered uncovered percent }
  communitiesWithoutLegalAdvisor { id }
  streets { nodes { id legalAdvisorCoverage { communities covered } communities { nodes { id legalAdvisor { lawyer { id } } } } } } } } }`;

describe('offices and lawyers', () => {
  it('validates input with field paths and stores nothing on failure', async () => {
    const o = await office(w.gw, w.tree.district.id);
    const bad = await w.gw.request(`mutation($i: RegisterLawyerInput!) { registerLawyer(input: $i) { id } }`,
      { i: { officeId: o, name: ' ', certificateNumber: '12345', phone: '123', specialities: [''] } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const fields = (bad.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['input.certificateNumber', 'input.name', 'input.phone', 'input.specialities']);
    expect(await w.gw.sql('select 1 from la_lawyer')).toHaveLength(0);
    for (const [n, why] of [['23301200810123456', 'kind'], ['19901200810123456', 'province'], ['13301197010123456', 'year'], ['13301200800123456', 'category'], ['13301200812123456', 'gender']]) {
      const r = await w.gw.request(`mutation($i: RegisterLawyerInput!) { registerLawyer(input: $i) { id } }`, { i: { officeId: o, name: '李', certificateNumber: n } });
      expect([why, r.errors?.[0]?.extensions?.field]).toEqual([why, 'input.certificateNumber']);
    }
  });

  it('refuses a second lawyer with the same certificate number in the district, also when both register at once', async () => {
    const o = await office(w.gw, w.tree.district.id);
    const number = certificate();
    const results = await Promise.all(Array.from({ length: 8 }, () => w.gw.request(
      `mutation($i: RegisterLawyerInput!) { registerLawyer(input: $i) { id } }`, { i: { officeId: o, name: '赵', certificateNumber: number } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.errors).map(codeOf))).toEqual(new Set(['CONFLICT']));
  });

  it('stores the lawyer\'s phone encrypted; a resident sees their own community\'s advisor, phone masked, and no other lawyer', async () => {
    const o = await office(w.gw, w.tree.district.id);
    const l = await lawyer(w.gw, o);
    const stranger = await lawyer(w.gw, o, '别处律师');
    const [row] = await w.gw.sql(`select phone from la_lawyer where name = '王律师' order by created_at desc limit 1`);
    expect(row.phone).not.toContain('13800571234');
    const c = w.tree.communities[5];
    await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', c.id), lawyerId: l, startsOn: '2026-01-01', endsOn: '2099-01-01' } });
    const resident = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id, residentId: w.tree.residents[0].id });
    const mine = await ok(w.gw, `query($id: ID!) { node(id: $id) { ... on Community { legalAdvisor { lawyer { name phone office { name phone } } } } } }`, { id: gid('Community', c.id) }, resident.token);
    expect(mine.node.legalAdvisor.lawyer).toMatchObject({ name: '王律师', phone: '138****1234', office: { phone: '0571-88001234' } });
    const seen = await ok(w.gw, `query($id: ID!) { node(id: $id) { ... on Lawyer { phone } } }`, { id: l }, resident.token);
    expect(seen.node.phone).toBe('138****1234');
    expect(codeOf(await w.gw.request(`query($id: ID!) { node(id: $id) { id } }`, { id: stranger }, { token: resident.token }))).toBe('NOT_FOUND');
    const admin = await ok(w.gw, `query($id: ID!) { node(id: $id) { ... on Lawyer { phone } } }`, { id: l });
    expect(admin.node.phone).toBe('13800571234');
  });
});

describe('one active advisor per community', () => {
  it('lets exactly one of many concurrent assignments to one community through, and reads the rest CONFLICT', async () => {
    const o = await office(w.gw, w.tree.district.id);
    const lawyers = await Promise.all(Array.from({ length: 6 }, (_, i) => lawyer(w.gw, o, `律师${i}`)));
    const community = gid('Community', w.tree.communities[0].id);
    const results = await Promise.all(lawyers.flatMap((l) => [0, 1].map(() => w.gw.request(ASSIGN, { i: { communityId: community, lawyerId: l, startsOn: today() } }))));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codeOf).every((c) => c === 'CONFLICT')).toBe(true);
    const [{ n }] = await w.gw.sql(`select count(*)::int as n from la_assignment where community_id = $1`, [w.tree.communities[0].id]);
    expect(n).toBe(1);
  });

  it('gives the term the district\'s default length, and one lawyer may advise several communities', async () => {
    const o = await office(w.gw, w.tree.district.id);
    const l = await lawyer(w.gw, o, '孙律师');
    const a = await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', w.tree.communities[1].id), lawyerId: l, startsOn: '2026-03-31' } });
    expect(a.assignLegalAdvisor.endsOn).toBe('2027-03-31');
    await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', w.tree.communities[2].id), lawyerId: l, startsOn: today() } });
    const d = await ok(w.gw, `query($id: ID!) { node(id: $id) { ... on Lawyer { currentTerms { community { id } } } } }`, { id: l });
    expect(d.node.currentTerms.map((t: any) => t.community.id)).toContain(gid('Community', w.tree.communities[2].id));
  });

  it('replaces an advisor in one mutation under concurrency: one replacement wins, the old term ends the day before', async () => {
    const o = await office(w.gw, w.tree.district.id);
    const [first, ...next] = await Promise.all(Array.from({ length: 5 }, (_, i) => lawyer(w.gw, o, `换${i}`)));
    const community = gid('Community', w.tree.communities[3].id);
    await ok(w.gw, ASSIGN, { i: { communityId: community, lawyerId: first, startsOn: '2026-01-01', endsOn: '2027-01-01' } });
    const on = '2026-06-01';
    const results = await Promise.all(next.map((l) => w.gw.request(
      `mutation($i: ReplaceLegalAdvisorInput!) { replaceLegalAdvisor(input: $i) { id startsOn endsOn } }`,
      { i: { communityId: community, lawyerId: l, on, reason: '工作调动' } })));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(won[0].data.replaceLegalAdvisor).toMatchObject({ startsOn: on, endsOn: '2027-01-01' });
    expect(results.filter((r) => r.errors).map(codeOf).every((c) => c === 'CONFLICT')).toBe(true);
    const terms = await w.gw.sql(`select starts_on::text, ends_on::text, end_reason from la_assignment where community_id = $1 order by starts_on`, [w.tree.communities[3].id]);
    expect(terms).toEqual([
      { starts_on: '2026-01-01', ends_on: on, end_reason: '工作调动' },
      { starts_on: on, ends_on: '2027-01-01', end_reason: null },
    ]);
  });

  it('refuses overlapping terms written around the gateway too (the database holds the rule)', async () => {
    const [t] = await w.gw.sql(`select * from la_assignment limit 1`);
    await expect(w.gw.sql(
      `insert into la_assignment (id, district_id, street_id, community_id, lawyer_id, starts_on, ends_on) values (gen_random_uuid(), $1, $2, $3, $4, $5::date, null)`,
      [t.district_id, t.street_id, t.community_id, t.lawyer_id, t.starts_on])).rejects.toThrow(/la_assignment_one_advisor/);
  });
});

describe('coverage and the uncovered', () => {
  it('computes coverage at every level in a number of statements that does not grow with the communities', async () => {
    const d = await ok(w.gw, COVERAGE, { d: gid('District', w.tree.district.id) });
    const cov = d.node.legalAdvisorCoverage;
    const [{ covered }] = await w.gw.sql(`select count(distinct community_id)::int as covered from la_assignment
      where district_id = $1 and daterange(starts_on, ends_on, '[)') @> $2::date`, [w.tree.district.id, today()]);
    expect(cov).toMatchObject({ communities: 6, covered, uncovered: 6 - covered });
    expect(d.node.communitiesWithoutLegalAdvisor).toHaveLength(6 - covered);
    const streetsCovered = d.node.streets.nodes.reduce((s: number, st: any) => s + st.legalAdvisorCoverage.covered, 0);
    expect(streetsCovered).toBe(covered);
    const o = await office(w.gw, w.other.district.id);
    await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', w.other.communities[0].id), lawyerId: await lawyer(w.gw, o, '小区律师'), startsOn: today() } });
    const small = await w.gw.request(COVERAGE, { d: gid('District', w.other.district.id) });
    const large = await w.gw.request(COVERAGE, { d: gid('District', w.tree.district.id) });
    expect(large.sqlCount).toBe(small.sqlCount);
  });

  it('emits legal.community-uncovered when a term ends with nobody after it', async () => {
    const o = await office(w.gw, w.tree.district.id);
    const l = await lawyer(w.gw, o, '钱律师');
    const community = w.tree.communities[4];
    const a = await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', community.id), lawyerId: l, startsOn: '2026-01-01' } });
    const ended = await ok(w.gw, `mutation($i: EndLegalAdvisorTermInput!) { endLegalAdvisorTerm(input: $i) { endsOn } }`,
      { i: { assignmentId: a.assignLegalAdvisor.id, endsOn: today(), reason: '合同到期' } });
    expect(ended.endLegalAdvisorTerm.endsOn).toBe(today());
    const events = await w.gw.sql(`select payload from outbox_event where name = 'legal.community-uncovered' and community_id = $1`, [community.id]);
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ communityId: community.id, uncoveredFrom: today(), reason: '合同到期' })]);
  });
});

describe('from the other side', () => {
  it('answers another district\'s community and lawyer NOT_FOUND to its admin, and changes nothing', async () => {
    const foreignAdmin = await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id });
    const o = await office(w.gw, w.other.district.id);
    const foreignLawyer = await lawyer(w.gw, o, '外区律师');
    const before = await w.gw.sql(`select count(*)::int as n from la_assignment`);
    const intoOurs = await w.gw.request(ASSIGN, { i: { communityId: gid('Community', w.tree.communities[5].id), lawyerId: foreignLawyer, startsOn: today() } }, { token: foreignAdmin.token });
    expect(codeOf(intoOurs)).toBe('NOT_FOUND');
    const ourOffice = await office(w.gw, w.tree.district.id);
    const ourLawyer = await lawyer(w.gw, ourOffice, '本区律师');
    const lawyerAcross = await w.gw.request(ASSIGN, { i: { communityId: gid('Community', w.other.communities[0].id), lawyerId: ourLawyer, startsOn: today() } });
    expect(codeOf(lawyerAcross)).toBe('NOT_FOUND');
    expect(await w.gw.sql(`select count(*)::int as n from la_assignment`)).toEqual(before);
  });

  it('refuses advisor management to a community worker and coverage to a resident, who still sees their advisor', async () => {
    const c = w.tree.communities[0];
    const worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id });
    const o = await office(w.gw, w.tree.district.id);
    const l = await lawyer(w.gw, o, '周律师');
    const r = await w.gw.request(ASSIGN, { i: { communityId: gid('Community', c.id), lawyerId: l, startsOn: '2030-01-01' } }, { token: worker.token });
    expect(codeOf(r)).toBe('FORBIDDEN');
    const resident = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id });
    const mine = await w.gw.request(`query($id: ID!) { node(id: $id) { ... on Community { legalAdvisor { lawyer { name } } } } }`, { id: gid('Community', c.id) }, { token: resident.token });
    expect(mine.errors).toBeUndefined();
    const street = await w.gw.request(`query($id: ID!) { node(id: $id) { ... on Street { legalAdvisorCoverage { percent } } } }`, { id: gid('Street', c.streetId) }, { token: resident.token });
    expect(codeOf(street)).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});

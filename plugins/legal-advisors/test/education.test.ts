import { codeOf, gid, lawyer, office, ok, world, type World } from './support';

let w: World;
let lawyerId: string;
let otherLawyerId: string;
let advisorToken: string;
let worker: { token: string };
const c = (i = 0) => w.tree.communities[i];
const residentsOf = (i = 0) => w.tree.residents.filter((r) => r.communityId === c(i).id);
const count = async () => (await w.gw.sql('select (select count(*) from la_education_session)::int s, (select count(*) from la_education_attendee)::int a')).at(0);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const beijingDay = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const RECORD = `mutation($i: RecordLegalEducationSessionInput!) { recordLegalEducationSession(input: $i) { id topic attendance linkedResidentCount lawyer { id } community { id } } }`;
const ATTENDEES = `query($id: ID!) { node(id: $id) { ... on LegalEducationSession { topic attendance attendees { id } } } }`;
const META = `query($id: ID!) { node(id: $id) { ... on LegalEducationSession { topic attendance linkedResidentCount } } }`;

const input = (over: Record<string, unknown> = {}) => ({
  communityId: gid('Community', c().id), lawyerId, topic: '防范养老诈骗', startsAt: hoursAgo(3), endsAt: hoursAgo(1.5),
  location: '社区活动室', attendance: 35, residentIds: residentsOf().map((r) => gid('Resident', r.id)), ...over,
});

beforeAll(async () => {
  w = await world();
  const o = await office(w.gw, w.tree.district.id);
  lawyerId = await lawyer(w.gw, o, '宣讲律师');
  otherLawyerId = await lawyer(w.gw, o, '另一律师');
  const advisor = await w.gw.account({ role: 'legal-advisors:advisor', level: 'DISTRICT', districtId: w.tree.district.id });
  await ok(w.gw, `mutation($l: ID!, $a: ID!) { linkLawyerAccount(lawyerId: $l, accountId: $a) { id } }`, { l: lawyerId, a: gid('Account', advisor.id) });
  advisorToken = advisor.token;
  worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c().id });
});
afterAll(async () => { await w.gw.close(); });

describe('legal-education sessions', () => {
  it('are recorded by the community\'s workers or by the lawyer who held them, with linked residents', async () => {
    const r = await ok(w.gw, RECORD, { i: input() }, worker.token);
    expect(r.recordLegalEducationSession).toMatchObject({ topic: '防范养老诈骗', attendance: 35, linkedResidentCount: residentsOf().length, lawyer: { id: lawyerId }, community: { id: gid('Community', c().id) } });
    const own = await ok(w.gw, RECORD, { i: input({ residentIds: null, attendance: 0 }) }, advisorToken);
    expect(own.recordLegalEducationSession.linkedResidentCount).toBe(0);
    // The lawyer's own account records only their own sessions.
    expect(codeOf(await w.gw.request(RECORD, { i: input({ lawyerId: otherLawyerId }) }, { token: advisorToken }))).toBe('FORBIDDEN');
    const attendees = await ok(w.gw, ATTENDEES, { id: r.recordLegalEducationSession.id }, worker.token);
    expect(attendees.node.attendees.map((a: any) => a.id).sort()).toEqual(residentsOf().map((x) => gid('Resident', x.id)).sort());
  });

  it('refuses bad input with the field path and records nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ attendance: -1, residentIds: [] }, 'input.attendance'],
      [{ attendance: 5001 }, 'input.attendance'],
      [{ attendance: 1 }, 'input.attendance'], // fewer than the residents linked
      [{ topic: ' ' }, 'input.topic'],
      [{ topic: '题'.repeat(101) }, 'input.topic'],
      [{ startsAt: new Date(Date.now() + 3_600_000).toISOString(), endsAt: new Date(Date.now() + 7_200_000).toISOString() }, 'input.startsAt'],
      [{ startsAt: hoursAgo(24 * 400), endsAt: hoursAgo(24 * 400 - 1) }, 'input.startsAt'],
      [{ endsAt: hoursAgo(4) }, 'input.endsAt'],
      [{ endsAt: new Date(Date.now() + 10 * 3_600_000).toISOString() }, 'input.endsAt'], // 13 h
      [{ residentIds: [gid('Resident', residentsOf()[0].id), gid('Resident', residentsOf()[0].id)] }, 'input.residentIds'],
    ];
    for (const [over, field] of cases) {
      const res = await w.gw.request(RECORD, { i: input(over) }, { token: worker.token });
      expect([field, codeOf(res), res.errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
    }
    expect(await count()).toEqual(before);
  });

  it('is refused from every side that may not record, and reads attendees only to recorders', async () => {
    const d = w.tree.district.id;
    const before = await count();
    const grid = w.tree.grids.find((g) => g.communityId === c().id)!;
    const forbidden = [
      await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: d, scopeId: c(1).id }),
      await w.gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: d, scopeId: c().streetId }),
      await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: d }),
      await w.gw.account({ role: 'GRID_WORKER', level: 'GRID', districtId: d, scopeId: grid.id }),
      await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: d, scopeId: c().id, residentId: residentsOf()[0].id }),
    ];
    for (const a of forbidden) expect(codeOf(await w.gw.request(RECORD, { i: input() }, { token: a.token }))).toBe('FORBIDDEN');
    const foreign = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.other.district.id, scopeId: w.other.communities[0].id });
    expect(codeOf(await w.gw.request(RECORD, { i: input() }, { token: foreign.token }))).toBe('NOT_FOUND');
    const foreignLawyer = await lawyer(w.gw, await office(w.gw, w.other.district.id), '外区律师');
    expect(codeOf(await w.gw.request(RECORD, { i: input({ lawyerId: foreignLawyer }) }, { token: worker.token }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gw.request(RECORD, { i: input({ residentIds: [gid('Resident', w.other.residents[0].id)] }) }, { token: worker.token }))).toBe('NOT_FOUND');
    expect(await count()).toEqual(before);

    const id = (await ok(w.gw, RECORD, { i: input() }, worker.token)).recordLegalEducationSession.id;
    const [admin, street] = [forbidden[2], forbidden[1]];
    for (const a of [admin, street]) {
      expect((await ok(w.gw, META, { id }, a.token)).node).toEqual({ topic: '防范养老诈骗', attendance: 35, linkedResidentCount: residentsOf().length });
      expect(codeOf(await w.gw.request(ATTENDEES, { id }, { token: a.token }))).toBe('FORBIDDEN');
    }
    expect((await ok(w.gw, ATTENDEES, { id }, advisorToken)).node.attendees).toHaveLength(residentsOf().length);
    for (const a of [forbidden[0], forbidden[3], forbidden[4], foreign]) expect(codeOf(await w.gw.request(META, { id }, { token: a.token }))).toBe('NOT_FOUND');
  });

  it('lists a street\'s sessions with lawyer and attendees in a fixed number of statements', async () => {
    const q = `query($id: ID!, $f: String!, $t: String!) { node(id: $id) { ... on Street { communities { nodes {
      legalEducationSessions(from: $f, to: $t) { topic attendance lawyer { name } linkedResidentCount attendees { name } } } } } } }`;
    const [s0, s1] = w.tree.streets;
    for (const com of w.tree.communities.filter((x) => x.streetId === s1.id)) {
      const rs = w.tree.residents.filter((r) => r.communityId === com.id).map((r) => gid('Resident', r.id));
      for (let k = 0; k < 3; k++) await ok(w.gw, RECORD, { i: input({ communityId: gid('Community', com.id), lawyerId: k % 2 ? lawyerId : otherLawyerId, residentIds: rs }) });
    }
    const vars = { f: beijingDay(-2), t: beijingDay(0) };
    const small = await w.gw.request(q, { id: gid('Street', s0.id), ...vars });
    const large = await w.gw.request(q, { id: gid('Street', s1.id), ...vars });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.node.communities.nodes.flatMap((n: any) => n.legalEducationSessions)).toHaveLength(9);
    expect(small.data.node.communities.nodes.flatMap((n: any) => n.legalEducationSessions).length).toBeGreaterThan(0);
    expect(large.sqlCount).toBe(small.sqlCount);
  });
});

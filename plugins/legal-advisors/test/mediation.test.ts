import { codeOf, gid, lawyer, office, ok, world, type World } from './support';

let w: World;
let lawyerId: string;
let mediatorToken: string;
let worker: { token: string };
const c = (i = 0) => w.tree.communities[i];
const residentsOf = (i = 0) => w.tree.residents.filter((r) => r.communityId === c(i).id);
const uuid = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];
const caseCount = async () => (await w.gw.sql('select (select count(*) from la_mediation)::int m, (select count(*) from la_mediation_party)::int p')).at(0);
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const OPEN = `mutation($i: OpenMediationCaseInput!) { openMediationCase(input: $i) { id status disputeType mediatorName } }`;
const SESSION = `mutation($i: RecordMediationSessionInput!) { recordMediationSession(input: $i) { id status } }`;
const CONCLUDE = `mutation($i: ConcludeMediationCaseInput!) { concludeMediationCase(input: $i) { id status referredTo } }`;
const WITHDRAW = `mutation($i: WithdrawMediationCaseInput!) { withdrawMediationCase(input: $i) { id status } }`;
const PERSONAL = `query($id: ID!) { node(id: $id) { ... on MediationCase { status summary parties { side name phone resident { id } } sessions { heldOn notes } } } }`;
const META = `query($id: ID!) { node(id: $id) { ... on MediationCase { status disputeType mediatorName openedAt sessions { heldOn } community { id } } } }`;
const SECRET = '楼上漏水三个月拒不维修';

const openInput = (over: Record<string, unknown> = {}) => ({
  communityId: gid('Community', c().id), disputeType: 'NEIGHBOURS', summary: SECRET, mediatorLawyerId: lawyerId,
  parties: [
    { side: 'APPLICANT', residentId: gid('Resident', residentsOf()[0].id) },
    { side: 'RESPONDENT', name: '赵外来', phone: '13912345678' },
  ],
  ...over,
});
const openCase = async (over: Record<string, unknown> = {}) => (await ok(w.gw, OPEN, { i: openInput(over) }, worker.token)).openMediationCase.id as string;
const inMediation = async () => {
  const id = await openCase();
  await ok(w.gw, SESSION, { i: { caseId: id, heldOn: today(), notes: '双方到场，初步沟通' } }, worker.token);
  return id;
};

beforeAll(async () => {
  w = await world();
  lawyerId = await lawyer(w.gw, await office(w.gw, w.tree.district.id), '调解律师');
  const advisor = await w.gw.account({ role: 'legal-advisors:advisor', level: 'DISTRICT', districtId: w.tree.district.id });
  await ok(w.gw, `mutation($l: ID!, $a: ID!) { linkLawyerAccount(lawyerId: $l, accountId: $a) { id } }`, { l: lawyerId, a: gid('Account', advisor.id) });
  mediatorToken = advisor.token;
  worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c().id });
});
afterAll(async () => { await w.gw.close(); });

describe('mediation cases', () => {
  it('runs open → in mediation → agreed; wrong steps are CONFLICT and change nothing; personal data is encrypted at rest', async () => {
    const id = await openCase();
    const [row] = await w.gw.sql('select summary from la_mediation where id = $1', [uuid(id)]);
    expect(row.summary).not.toContain('漏水');
    const [party] = await w.gw.sql(`select name, phone, phone_hash from la_mediation_party where mediation_id = $1 and resident_id is null`, [uuid(id)]);
    expect(JSON.stringify(party)).not.toMatch(/赵外来|13912345678/);
    expect(party.phone_hash).toBeTruthy();

    const early = await w.gw.request(CONCLUDE, { i: { caseId: id, outcome: 'AGREED', note: '协议' } }, { token: worker.token });
    expect([codeOf(early), early.errors?.[0]?.extensions?.reason]).toEqual(['CONFLICT', 'INVALID_TRANSITION']);
    const future = await w.gw.request(SESSION, { i: { caseId: id, heldOn: '2099-01-01', notes: 'x' } }, { token: worker.token });
    expect([codeOf(future), future.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.heldOn']);
    expect(await w.gw.sql('select status, outcome_note, concluded_at from la_mediation where id = $1', [uuid(id)])).toEqual([{ status: 'OPEN', outcome_note: null, concluded_at: null }]);
    expect(await w.gw.sql('select count(*)::int as n from la_mediation_session where mediation_id = $1', [uuid(id)])).toEqual([{ n: 0 }]);

    expect((await ok(w.gw, SESSION, { i: { caseId: id, heldOn: today(), notes: '第一次调解' } }, mediatorToken)).recordMediationSession.status).toBe('IN_MEDIATION');
    const noTarget = await w.gw.request(CONCLUDE, { i: { caseId: id, outcome: 'REFERRED', note: '需诉讼' } }, { token: worker.token });
    expect([codeOf(noTarget), noTarget.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.referredTo']);
    const agreed = await ok(w.gw, CONCLUDE, { i: { caseId: id, outcome: 'AGREED', note: '一周内修复，赔偿 800 元' } }, worker.token);
    expect(agreed.concludeMediationCase).toMatchObject({ status: 'AGREED', referredTo: null });
    expect(codeOf(await w.gw.request(WITHDRAW, { i: { caseId: id, reason: '撤回' } }, { token: worker.token }))).toBe('CONFLICT');
    const read = await ok(w.gw, PERSONAL, { id }, worker.token);
    expect(read.node).toMatchObject({ status: 'AGREED', summary: SECRET, sessions: [{ heldOn: today(), notes: '第一次调解' }] });
    expect(read.node.parties).toEqual([
      { side: 'APPLICANT', name: residentsOf()[0].name, phone: null, resident: { id: gid('Resident', residentsOf()[0].id) } },
      { side: 'RESPONDENT', name: '赵外来', phone: '13912345678', resident: null },
    ]);
  });

  it('refuses bad input with the field path and creates nothing', async () => {
    const before = await caseCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ parties: [{ side: 'APPLICANT', name: '甲', phone: '13912345678' }] }, 'input.parties'],
      [{ parties: [{ side: 'APPLICANT', name: '甲', phone: '13912345678' }, { side: 'APPLICANT', name: '乙', phone: '13912345679' }] }, 'input.parties'],
      [{ parties: [{ side: 'APPLICANT', name: '甲', phone: '13912345678' }, { side: 'RESPONDENT', name: '乙', phone: '12345' }] }, 'input.parties.1.phone'],
      [{ parties: [{ side: 'APPLICANT', name: ' ', phone: '13912345678' }, { side: 'RESPONDENT', name: '乙', phone: '13912345679' }] }, 'input.parties.0.name'],
      [{ parties: [{ side: 'APPLICANT', residentId: gid('Resident', residentsOf()[0].id) }, { side: 'RESPONDENT', residentId: gid('Resident', residentsOf()[0].id) }] }, 'input.parties.1.residentId'],
      [{ mediatorName: '李调解员' }, 'input.mediatorName'],
      [{ mediatorLawyerId: null }, 'input.mediatorName'],
      [{ summary: '' }, 'input.summary'],
      [{ summary: '长'.repeat(2001) }, 'input.summary'],
    ];
    for (const [over, field] of cases) {
      const res = await w.gw.request(OPEN, { i: openInput(over) }, { token: worker.token });
      expect([field, codeOf(res), res.errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
    }
    expect(await caseCount()).toEqual(before);
  });

  it('of many concurrent conclusions and withdrawals, exactly one wins and the others are INVALID_TRANSITION', async () => {
    const id = await inMediation();
    const attempts = Array.from({ length: 12 }, (_, i) => i % 4 === 3
      ? w.gw.request(WITHDRAW, { i: { caseId: id, reason: `撤回 ${i}` } }, { token: worker.token })
      : w.gw.request(CONCLUDE, { i: { caseId: id, outcome: i % 2 ? 'NO_AGREEMENT' : 'REFERRED', note: `结果 ${i}`, ...(i % 2 ? {} : { referredTo: 'COURT', referralTarget: '青溪区人民法院' }) } }, { token: i % 3 ? worker.token : mediatorToken }));
    const results = await Promise.all(attempts);
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions!.reason)).toEqual(Array(11).fill('INVALID_TRANSITION'));
    const status = (won[0].data as any).concludeMediationCase?.status ?? (won[0].data as any).withdrawMediationCase.status;
    const [row] = await w.gw.sql('select status from la_mediation where id = $1', [uuid(id)]);
    expect(row.status).toBe(status);
    await w.gw.settleEvents();
    const events = await w.gw.sql(`select payload->>'status' as s from outbox_event where name = 'legal.mediation-changed' and payload->>'mediationId' = $1 order by id`, [uuid(id)]);
    expect(events.map((e) => e.s)).toEqual(['OPEN', 'IN_MEDIATION', status]);
  });

  it('shows the parties only to those who run the case; metadata to street and district staff; nothing across communities or districts', async () => {
    const id = await inMediation();
    const d = w.tree.district.id;
    const staff = await w.gw.account({ role: 'legal-advisors:legal-services-staff', level: 'STREET', districtId: d, scopeId: c().streetId });
    const before = await w.gw.sql(`select count(*)::int as n from audit_log where action = 'legal-advisors.mediation.read-personal'`);
    for (const token of [worker.token, mediatorToken, staff.token]) {
      expect(JSON.stringify((await ok(w.gw, PERSONAL, { id }, token)).node)).toContain('赵外来');
    }
    const after = await w.gw.sql(`select count(*)::int as n from audit_log where action = 'legal-advisors.mediation.read-personal'`);
    expect(after[0].n - before[0].n).toBe(9); // summary, parties and session notes, for each of the three

    for (const [role, level, scopeId] of [['DISTRICT_ADMIN', 'DISTRICT', null], ['STREET_STAFF', 'STREET', c().streetId]] as const) {
      const a = await w.gw.account({ role, level, districtId: d, scopeId });
      const meta = await ok(w.gw, META, { id }, a.token);
      expect([role, meta.node]).toEqual([role, { status: 'IN_MEDIATION', disputeType: 'NEIGHBOURS', mediatorName: '调解律师', openedAt: expect.any(String), sessions: [{ heldOn: today() }], community: { id: gid('Community', c().id) } }]);
      const res = await w.gw.request(PERSONAL, { id }, { token: a.token });
      expect([role, codeOf(res), JSON.stringify(res.data ?? {}).match(/赵外来|漏水|初步沟通/)]).toEqual([role, 'FORBIDDEN', null]);
      expect([role, codeOf(await w.gw.request(CONCLUDE, { i: { caseId: id, outcome: 'AGREED', note: '强行结案' } }, { token: a.token }))]).toEqual([role, 'FORBIDDEN']);
    }
    // Same district, other community; grid and social workers; the resident who is a party: not even the case.
    const grid = w.tree.grids.find((g) => g.communityId === c().id)!;
    const outsiders = [
      await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: d, scopeId: c(1).id }),
      await w.gw.account({ role: 'GRID_WORKER', level: 'GRID', districtId: d, scopeId: grid.id }),
      await w.gw.account({ role: 'SOCIAL_WORKER', level: 'COMMUNITY', districtId: d, scopeId: c().id }),
      await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: d, scopeId: c().id, residentId: residentsOf()[0].id }),
      await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id }),
      await w.gw.account({ role: 'legal-advisors:advisor', level: 'DISTRICT', districtId: d }),
    ];
    for (const a of outsiders) {
      expect(codeOf(await w.gw.request(META, { id }, { token: a.token }))).toBe('NOT_FOUND');
      expect(codeOf(await w.gw.request(SESSION, { i: { caseId: id, heldOn: today(), notes: '伪造' } }, { token: a.token }))).toBe('NOT_FOUND');
    }
    const foreignWorker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.other.district.id, scopeId: w.other.communities[0].id });
    expect(codeOf(await w.gw.request(OPEN, { i: openInput() }, { token: foreignWorker.token }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gw.request(OPEN, { i: openInput() }, { token: outsiders[0].token }))).toBe('FORBIDDEN');
    expect(codeOf(await w.gw.request(OPEN, { i: openInput() }, { token: outsiders[3].token }))).toBe('FORBIDDEN');
    expect(await w.gw.sql('select count(*)::int as n from la_mediation_session where mediation_id = $1', [uuid(id)])).toEqual([{ n: 1 }]);
    expect((await ok(w.gw, `{ myMediationCases { id } }`, {}, mediatorToken)).myMediationCases.map((m: any) => m.id)).toContain(id);
  });

  it('refuses another district\'s resident or lawyer as NOT_FOUND', async () => {
    const before = await caseCount();
    const foreignResident = w.other.residents[0];
    const r = await w.gw.request(OPEN, { i: openInput({ parties: [{ side: 'APPLICANT', residentId: gid('Resident', residentsOf()[0].id) }, { side: 'RESPONDENT', residentId: gid('Resident', foreignResident.id) }] }) }, { token: worker.token });
    expect(codeOf(r)).toBe('NOT_FOUND');
    const foreignLawyer = await lawyer(w.gw, await office(w.gw, w.other.district.id), '外区律师');
    expect(codeOf(await w.gw.request(OPEN, { i: openInput({ mediatorLawyerId: foreignLawyer }) }, { token: worker.token }))).toBe('NOT_FOUND');
    expect(await caseCount()).toEqual(before);
  });

  it('lists a street\'s cases with their parties and sessions in a fixed number of statements', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Street { communities { nodes { mediationCases(openOnly: false) {
      disputeType mediatorName mediatorLawyer { name } parties { name resident { name } } sessions { heldOn notes } } } } } } }`;
    const [s0, s1] = w.tree.streets;
    const street1 = w.tree.communities.filter((x) => x.streetId === s1.id);
    const one = w.tree.communities.find((x) => x.streetId === s0.id)!;
    // Both kinds of mediator on each street: two cases on the small one's first community, three per community on the large one.
    for (const [com, n] of [[one, 2], ...street1.map((x) => [x, 3] as const)] as const) {
      const rs = w.tree.residents.filter((r) => r.communityId === com.id);
      for (let k = 0; k < n; k++) {
        const mediator = k % 2 ? { mediatorLawyerId: lawyerId, mediatorName: null } : { mediatorLawyerId: null, mediatorName: '人民调解员' };
        const id = (await ok(w.gw, OPEN, { i: openInput({ communityId: gid('Community', com.id), ...mediator,
          parties: [{ side: 'APPLICANT', residentId: gid('Resident', rs[0].id) }, { side: 'RESPONDENT', residentId: gid('Resident', rs[1].id) }, { side: 'RESPONDENT', name: '外来人员', phone: '13700000000' }] }) })).openMediationCase.id;
        await ok(w.gw, SESSION, { i: { caseId: id, heldOn: today(), notes: '记录' } });
      }
    }
    const small = await w.gw.request(q, { id: gid('Street', s0.id) });
    const large = await w.gw.request(q, { id: gid('Street', s1.id) });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.node.communities.nodes.flatMap((n: any) => n.mediationCases)).toHaveLength(3 * street1.length);
    expect(large.sqlCount).toBe(small.sqlCount);
  });
});

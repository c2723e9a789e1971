import { ASSIGN, codeOf, gid, lawyer, office, ok, world, type World } from './support';

let w: World;
let lawyerId: string;
let advisorToken: string;
const c = () => w.tree.communities[0];
const residentOf = (i = 0) => w.tree.residents.filter((r) => r.communityId === c().id)[i];

beforeAll(async () => {
  w = await world();
  lawyerId = await lawyer(w.gw, await office(w.gw, w.tree.district.id), '保密律师');
  await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', c().id), lawyerId, startsOn: '2026-01-01', endsOn: '2099-01-01' } });
  const advisor = await w.gw.account({ role: 'legal-advisors:advisor', level: 'DISTRICT', districtId: w.tree.district.id });
  await ok(w.gw, `mutation($l: ID!, $a: ID!) { linkLawyerAccount(lawyerId: $l, accountId: $a) { id } }`, { l: lawyerId, a: gid('Account', advisor.id) });
  advisorToken = advisor.token;
});
afterAll(async () => { await w.gw.close(); });

const REQUEST = `mutation($i: RequestLegalConsultationInput!) { requestLegalConsultation(input: $i) { id status onBehalf lawyer { id } } }`;
const step = (name: string) => `mutation($i: LegalConsultationStepInput!) { ${name}LegalConsultation(input: $i) { id status } }`;
const SECRET = '邻居装修占用公共楼道，我想知道怎么维权';
const CONTENT = `query($id: ID!) { node(id: $id) { ... on LegalConsultation { status category question advice } } }`;

async function asResident(i = 0) {
  return w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c().id, residentId: residentOf(i).id });
}

describe('consultations', () => {
  it('runs requested → scheduled → in progress → resolved → rated, refuses a wrong step with CONFLICT and changes nothing', async () => {
    const me = await asResident();
    const r = await ok(w.gw, REQUEST, { i: { category: 'PROPERTY_NEIGHBOURS', question: SECRET } }, me.token);
    expect(r.requestLegalConsultation).toMatchObject({ status: 'REQUESTED', onBehalf: false, lawyer: { id: lawyerId } });
    const id = r.requestLegalConsultation.id;
    const early = await w.gw.request(step('resolve'), { i: { consultationId: id, advice: '先协商' } }, { token: advisorToken });
    expect([codeOf(early), early.errors?.[0]?.extensions?.reason]).toEqual(['CONFLICT', 'INVALID_TRANSITION']);
    const [row] = await w.gw.sql('select status, advice from la_consultation where id = $1', [Buffer.from(id, 'base64url').toString().split(':')[1]]);
    expect(row).toEqual({ status: 'REQUESTED', advice: null });
    expect(codeOf(await w.gw.request(step('start'), { i: { consultationId: id } }, { token: me.token }))).toBe('FORBIDDEN');
    const badWhen = await w.gw.request(step('schedule'), { i: { consultationId: id, scheduledFor: new Date(Date.now() - 1000).toISOString() } }, { token: advisorToken });
    expect([codeOf(badWhen), badWhen.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.scheduledFor']);
    await ok(w.gw, step('schedule'), { i: { consultationId: id, scheduledFor: new Date(Date.now() + 86_400_000).toISOString() } }, advisorToken);
    await ok(w.gw, step('start'), { i: { consultationId: id } }, advisorToken);
    // Concurrent conclusions: one wins, the other finds it concluded.
    const both = await Promise.all([
      w.gw.request(step('resolve'), { i: { consultationId: id, advice: '可向物业投诉并要求恢复原状' } }, { token: advisorToken }),
      w.gw.request(step('refer'), { i: { consultationId: id, advice: '转人民调解', referredTo: 'MEDIATION' } }, { token: advisorToken }),
    ]);
    expect(both.filter((b) => !b.errors)).toHaveLength(1);
    expect(both.find((b) => b.errors)!.errors![0].extensions!.reason).toBe('INVALID_TRANSITION');
    const badRating = await w.gw.request(step('rate'), { i: { consultationId: id, rating: 6 } }, { token: me.token });
    expect([codeOf(badRating), badRating.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.rating']);
    expect(codeOf(await w.gw.request(step('rate'), { i: { consultationId: id, rating: 5 } }, { token: advisorToken }))).toBe('FORBIDDEN');
    const rated = await ok(w.gw, step('rate'), { i: { consultationId: id, rating: 5, comment: '很耐心' } }, me.token);
    expect(rated.rateLegalConsultation.status).toBe('CLOSED');
    expect(codeOf(await w.gw.request(step('rate'), { i: { consultationId: id, rating: 1 } }, { token: me.token }))).toBe('CONFLICT');
    const mine = await ok(w.gw, `{ myLegalConsultations { status rating ratingComment } }`, {}, me.token);
    expect(mine.myLegalConsultations).toEqual([{ status: 'CLOSED', rating: 5, ratingComment: '很耐心' }]);
  });

  it('keeps the content from every staff role and the neighbour, stores it encrypted, and audits every read', async () => {
    const worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c().id });
    const r = await ok(w.gw, REQUEST, { i: { residentId: gid('Resident', residentOf(1).id), category: 'LABOUR', question: SECRET } }, worker.token);
    expect(r.requestLegalConsultation.onBehalf).toBe(true);
    const id = r.requestLegalConsultation.id;
    const [stored] = await w.gw.sql('select question from la_consultation where id = $1', [Buffer.from(id, 'base64url').toString().split(':')[1]]);
    expect(stored.question).not.toContain('邻居');

    const staffRoles: [string, 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'GRID', string | null][] = [
      ['DISTRICT_ADMIN', 'DISTRICT', null], ['STREET_STAFF', 'STREET', c().streetId], ['COMMUNITY_WORKER', 'COMMUNITY', c().id],
      ['GRID_WORKER', 'GRID', w.tree.grids.find((g) => g.communityId === c().id)!.id], ['SOCIAL_WORKER', 'COMMUNITY', c().id],
    ];
    for (const [role, level, scopeId] of staffRoles) {
      const a = await w.gw.account({ role, level, districtId: w.tree.district.id, scopeId });
      const res = await w.gw.request(CONTENT, { id }, { token: a.token });
      expect([role, JSON.stringify(res.data ?? {}).includes('邻居')]).toEqual([role, false]);
      expect([role, res.errors?.[0]?.extensions?.code]).toEqual([role, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    const meta = await w.gw.request(`query($id: ID!) { node(id: $id) { ... on LegalConsultation { status category community { id } } } }`, { id }, { token: worker.token });
    expect(meta.data.node).toEqual({ status: 'REQUESTED', category: 'LABOUR', community: { id: gid('Community', c().id) } });
    const neighbour = await asResident(0);
    expect(codeOf(await w.gw.request(CONTENT, { id }, { token: neighbour.token }))).toBe('NOT_FOUND');
    const foreign = await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id });
    expect(codeOf(await w.gw.request(CONTENT, { id }, { token: foreign.token }))).toBe('NOT_FOUND');

    const before = await w.gw.sql(`select count(*)::int as n from audit_log where action = 'legal-advisors.consultation.read-content'`);
    const owner = await asResident(1);
    for (const token of [owner.token, advisorToken]) {
      expect((await ok(w.gw, CONTENT, { id }, token)).node.question).toBe(SECRET);
    }
    const staff = await w.gw.account({ role: 'legal-advisors:legal-services-staff', level: 'DISTRICT', districtId: w.tree.district.id });
    expect((await ok(w.gw, CONTENT, { id }, staff.token)).node.question).toBe(SECRET);
    const after = await w.gw.sql(`select count(*)::int as n from audit_log where action = 'legal-advisors.consultation.read-content'`);
    expect(after[0].n - before[0].n).toBe(3);
    const queue = await ok(w.gw, `query($id: ID!) { node(id: $id) { ... on Community { legalConsultations { id status } } } }`, { id: gid('Community', c().id) }, worker.token);
    expect(queue.node.legalConsultations.map((q: any) => q.id)).toContain(id);
    expect(codeOf(await w.gw.request(`{ myAdvisorConsultations { id } }`, {}, { token: worker.token }))).toBe('FORBIDDEN');
    expect((await ok(w.gw, `{ myAdvisorConsultations { id } }`, {}, advisorToken)).myAdvisorConsultations.map((q: any) => q.id)).toContain(id);
  });

  it('streams the community queue live with metadata only; content stays refused over the socket', async () => {
    const worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c().id });
    const client = w.gw.wsClient({ authorization: `Bearer ${worker.token}` });
    const got: any[] = [];
    const done = new Promise<void>((resolve) => {
      client.subscribe({ query: `subscription($c: ID!) { legalConsultationQueue(communityId: $c) { from consultation { status category question } } }`, variables: { c: gid('Community', c().id) } }, {
        next: (m) => { got.push(m); resolve(); }, error: () => resolve(), complete: () => resolve(),
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    const me = await asResident(0);
    await ok(w.gw, REQUEST, { i: { category: 'CONTRACTS', question: SECRET } }, me.token);
    await Promise.race([done, new Promise((r) => setTimeout(r, 8000))]);
    await client.dispose();
    expect(got.length).toBeGreaterThan(0);
    expect(JSON.stringify(got)).not.toContain('邻居');
    expect(got[0].errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

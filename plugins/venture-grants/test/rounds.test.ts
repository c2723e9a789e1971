import { CREATE, ADVANCE, advanceTo, codeOf, fieldsOf, gid, ok, round, schedule, terms, uuid, world, type World } from './support';

let w: World;
beforeAll(async () => { w = await world(); });
afterAll(async () => { await w.gw.close(); });

const d = () => gid('District', w.tree.district.id);
const ROUNDS = `query($s: ID!, $p: VentureRoundPhase) { ventureRounds(scope: $s, phase: $p) { totalCount nodes { id name level phase } } }`;
const count = async () => (await w.gw.sql('select (select count(*) from vg_round)::int r, (select count(*) from vg_round_phase)::int p'))[0];

async function as(role: string, level: string, scopeId: string, residentId: string | null = null) {
  return (await w.gw.account({ role, level: level as never, districtId: w.tree.district.id, scopeId, residentId })).token;
}

describe('rounds', () => {
  it('are set up at a district, street or community and read by everyone in the district that they are open to', async () => {
    const [s0, s1] = w.tree.streets;
    const c0 = w.tree.communities.find((c) => c.streetId === s0.id)!;
    const c1 = w.tree.communities.find((c) => c.streetId === s1.id)!;
    const made = await ok(w.gw, CREATE, { i: { scope: d(), terms: terms({ name: '区级创投' }) } });
    expect(made.createVentureRound).toMatchObject({ level: 'DISTRICT', phase: 'DRAFT', budgetFen: 100_000_000, centralTask: '文明城市创建' });
    expect(made.createVentureRound.schedule.map((p: any) => p.phase)).toEqual(['NEEDS', 'APPLICATION', 'REVIEW', 'PUBLIC_VOTE', 'CONTRACTING', 'EXECUTION', 'EVALUATION']);
    const street = await ok(w.gw, CREATE, { i: { scope: gid('Street', s0.id), terms: terms({ name: '街道微实事', schedule: schedule(0, ['PUBLIC_VOTE']) }) } },
      await as('STREET_STAFF', 'STREET', s0.id));
    expect(street.createVentureRound.level).toBe('STREET');
    await round(w.gw, gid('Community', c1.id), { name: '社区微创投' });

    // A resident of c0 sees the district's round and their street's, not another street's community round.
    const resident = await as('RESIDENT', 'COMMUNITY', c0.id, w.tree.residents.find((r) => r.communityId === c0.id)!.id);
    const seen = await ok(w.gw, ROUNDS, { s: gid('Community', c0.id) }, resident);
    expect(seen.ventureRounds.nodes.map((r: any) => r.name).sort()).toEqual(['区级创投', '街道微实事']);
    const all = await ok(w.gw, ROUNDS, { s: d() }, resident);
    expect(all.ventureRounds.totalCount).toBe(3);
    const org = await w.gw.seed.organization({ districtId: w.tree.district.id, communityIds: [c0.id] });
    const orgToken = await as('ORG_STAFF', 'ORGANIZATION', org.id);
    const node = await ok(w.gw, `query($id: ID!) { node(id: $id) { ... on VentureRound { name street { id } } } }`, { id: street.createVentureRound.id }, orgToken);
    expect(node.node).toEqual({ name: '街道微实事', street: { id: gid('Street', s0.id) } });
  });

  it('refuses bad terms with every field path and stores nothing', async () => {
    const before = await count();
    const bad = await w.gw.request(CREATE, { i: { scope: d(), terms: terms({
      name: ' ', year: 1999, budgetFen: 0, projectCapFen: 5, categories: ['ELDERLY', 'ELDERLY'], centralTask: 'x',
      schedule: [{ phase: 'NEEDS', startsOn: '2027-02-30', endsOn: '2027-03-01' }, { phase: 'APPLICATION', startsOn: '2027-03-10', endsOn: '2027-03-01' }],
    }) } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['input.terms.budgetFen', 'input.terms.categories', 'input.terms.centralTask', 'input.terms.name',
      'input.terms.projectCapFen', 'input.terms.schedule', 'input.terms.schedule.0.startsOn', 'input.terms.schedule.1.endsOn', 'input.terms.year']));
    const overlap = schedule();
    overlap[2].startsOn = overlap[1].endsOn;
    const o = await w.gw.request(CREATE, { i: { scope: d(), terms: terms({ schedule: overlap }) } });
    expect([codeOf(o), fieldsOf(o)]).toEqual(['BAD_USER_INPUT', ['input.terms.schedule.2.startsOn']]);
    const capOverBudget = await w.gw.request(CREATE, { i: { scope: d(), terms: terms({ budgetFen: 1_000, projectCapFen: 1_001 }) } });
    expect(fieldsOf(capOverBudget)).toEqual(['input.terms.projectCapFen']);
    const huge = await w.gw.request(CREATE, { i: { scope: d(), terms: terms({ budgetFen: 2_000_000_001, projectCapFen: 1 }) } });
    expect(fieldsOf(huge)).toEqual(['input.terms.budgetFen']);
    expect(codeOf(await w.gw.request(CREATE, { i: { scope: gid('Grid', w.tree.grids[0].id), terms: terms() } }))).toBe('BAD_USER_INPUT');
    expect(await count()).toEqual(before);
    const name = terms().name;
    await round(w.gw, d(), { name });
    expect(codeOf(await w.gw.request(CREATE, { i: { scope: d(), terms: terms({ name }) } }))).toBe('CONFLICT');
  });

  it('answers NOT_FOUND to another district\'s admin and FORBIDDEN to roles that may not manage rounds', async () => {
    const id = await round(w.gw, d());
    const intruder = (await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id })).token;
    const before = await count();
    expect(codeOf(await w.gw.request(CREATE, { i: { scope: d(), terms: terms() } }, { token: intruder }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gw.request(ADVANCE, { i: { roundId: id, from: 'DRAFT' } }, { token: intruder }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gw.request(ROUNDS, { s: d() }, { token: intruder }))).toBe('NOT_FOUND');
    expect((await w.gw.request(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: intruder })).data?.node ?? null).toBeNull();
    const c0 = w.tree.communities[0];
    const worker = await as('COMMUNITY_WORKER', 'COMMUNITY', c0.id);
    expect(codeOf(await w.gw.request(CREATE, { i: { scope: gid('Community', c0.id), terms: terms() } }, { token: worker }))).toBe('FORBIDDEN');
    expect(codeOf(await w.gw.request(ADVANCE, { i: { roundId: id, from: 'DRAFT' } }, { token: worker }))).toBe('FORBIDDEN');
    const otherStreet = await as('STREET_STAFF', 'STREET', w.tree.streets[1].id);
    expect(codeOf(await w.gw.request(CREATE, { i: { scope: gid('Street', w.tree.streets[0].id), terms: terms() } }, { token: otherStreet }))).toBe('FORBIDDEN');
    expect(await count()).toEqual(before);
    // The program's own officer role, granted at a community, runs that community's rounds.
    const officer = await as('venture-grants:officer', 'COMMUNITY', c0.id);
    expect((await ok(w.gw, CREATE, { i: { scope: gid('Community', c0.id), terms: terms() } }, officer)).createVentureRound.level).toBe('COMMUNITY');
  });

  it('moves through its scheduled phases in order, each change audited and emitted; terms change only in DRAFT', async () => {
    const id = await round(w.gw, d(), { schedule: schedule(0, ['PUBLIC_VOTE']) });
    const seen: string[] = [];
    for (let phase = 'DRAFT'; phase !== 'CLOSED';) {
      phase = (await ok(w.gw, ADVANCE, { i: { roundId: id, from: phase } })).advanceVentureRoundPhase.phase;
      seen.push(phase);
      if (phase === 'NEEDS') {
        const edit = await w.gw.request(`mutation($i: UpdateVentureRoundInput!) { updateVentureRound(input: $i) { id } }`, { i: { roundId: id, terms: terms() } });
        expect([codeOf(edit), edit.errors?.[0]?.extensions?.phase]).toEqual(['WRONG_PHASE', 'NEEDS']);
      }
    }
    expect(seen).toEqual(['NEEDS', 'APPLICATION', 'REVIEW', 'CONTRACTING', 'EXECUTION', 'EVALUATION', 'CLOSED']);
    expect(codeOf(await w.gw.request(ADVANCE, { i: { roundId: id, from: 'CLOSED' } }))).toBe('CONFLICT');
    const audit = await w.gw.sql(`select detail->>'to' as "to" from audit_log where action = 'venture-grants.round.phase-changed' and object_id = $1 order by id`, [uuid(id)]);
    expect(audit.map((a) => a.to)).toEqual(seen);
    const events = await w.gw.sql(`select payload->>'from' as "from", payload->>'to' as "to" from outbox_event where name = 'venture.round-phase-changed' and payload->>'roundId' = $1 order by id`, [uuid(id)]);
    expect(events.map((e) => e.to)).toEqual(seen);
    expect(events[0].from).toBe('DRAFT');
    const dates = await w.gw.sql(`select phase, opened_at is not null as opened, closed_at is not null as closed from vg_round_phase where round_id = $1 order by starts_on`, [uuid(id)]);
    expect(dates.every((p) => p.opened && p.closed)).toBe(true);
  });

  it('of twelve officers advancing one round at once, one moves it and the others get CONFLICT', async () => {
    const id = await round(w.gw, d());
    await advanceTo(w.gw, id, 'NEEDS');
    const results = await Promise.all(Array.from({ length: 12 }, () => w.gw.request(ADVANCE, { i: { roundId: id, from: 'NEEDS' } })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT' && r.errors![0].extensions!.reason === 'PHASE_CHANGED').length).toBe(11);
    const [row] = await w.gw.sql('select phase from vg_round where id = $1', [uuid(id)]);
    expect(row.phase).toBe('APPLICATION');
    const [{ n }] = await w.gw.sql(`select count(*)::int as n from outbox_event where name = 'venture.round-phase-changed' and payload->>'roundId' = $1`, [uuid(id)]);
    expect(n).toBe(2);
  });
});

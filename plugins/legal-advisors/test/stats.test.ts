import { parse } from 'csv-parse/sync';
import { CATEGORIES, REFERRALS, insertData, random, randomData, type Consultation, type Hour, type Mediation, type Session } from './stats-data';
import { codeOf, gid, lawyer, office, ok, world, type World } from './support';

let w: World;
let lawyerIds: string[];
let data: { hours: Hour[]; consultations: Consultation[]; mediations: Mediation[]; sessions: Session[] };
const SEED = 20261203;
const FORMULA = '=HYPERLINK("http://example.invalid","点此")';

const FIGURES = `officeHoursHeld bookings consultations consultationsByCategory { category count }
  consultationOutcomes { resolved referred referredTo { referredTo count } open } ratings averageRating
  mediations mediationOutcomes { agreed noAgreement referred withdrawn open } educationSessions educationAttendance`;
const STATS = `legalServiceStats(period: $p) { period from until ${FIGURES}
  byAdvisor { lawyer { id } ${FIGURES} } byCommunity { community { id } ${FIGURES} } }`;
const NODE = `query($id: ID!, $p: String!) { node(id: $id) { ... on District { ${STATS} } ... on Street { ${STATS} } ... on Community { ${STATS} } } }`;

beforeAll(async () => {
  w = await world();
  const o = await office(w.gw, w.tree.district.id);
  lawyerIds = [];
  // A name Excel would run as a formula: the CSV must keep it text.
  for (const name of ['甲律师', '乙律师', '丙律师', FORMULA]) lawyerIds.push(await lawyer(w.gw, o, name));
  const rawIds = lawyerIds.map((id) => Buffer.from(id, 'base64url').toString().split(':')[1]);
  data = randomData(random(SEED), w.tree, rawIds, new Date('2025-12-20T00:00:00Z'), 400, 600, 900, 300, 200);
  // On both sides of the Q2/Q3 boundary in Beijing (16:00 UTC is midnight), by a lawyer with no other hour.
  const c = w.tree.communities[0];
  const at = (iso: string): Hour => ({
    districtId: c.districtId, streetId: c.streetId, communityId: c.id, lawyerId: rawIds[2], startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 1800_000), cancelled: false, booked: 3,
  });
  data.hours = data.hours.filter((h) => h.lawyerId !== rawIds[2]).concat([at('2026-06-30T15:29:59Z'), at('2026-06-30T16:00:00Z')]);
  const account = await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.tree.district.id });
  await insertData(w.gw, w.tree, account.id, data);
});
afterAll(async () => { await w.gw.close(); });

/** The Beijing date of an instant, worked out without the plugin's helpers. */
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** Whether a Beijing date falls in `2026`, `2026-Q3` or `2026-07`. */
function inPeriod(date: string, period: string): boolean {
  const q = /^(\d{4})-Q(\d)$/.exec(period);
  if (!q) return date.startsWith(period);
  const month = Number(date.slice(5, 7));
  return date.startsWith(q[1]) && Math.ceil(month / 3) === Number(q[2]);
}

/** The figures as the graph shows them, counted here from the rows the test inserted. */
function recount(hours: Hour[], consultations: Consultation[], mediations: Mediation[], sessions: Session[]) {
  const cases = (...states: string[]) => mediations.filter((m) => states.includes(m.status)).length;
  const held = hours.filter((h) => !h.cancelled && h.endsAt.getTime() <= Date.now());
  const rated = consultations.filter((c) => c.rating !== null);
  const open = consultations.filter((c) => ['REQUESTED', 'SCHEDULED', 'IN_PROGRESS'].includes(c.status));
  const referredTo = REFERRALS.map((r) => ({ referredTo: r, count: consultations.filter((c) => c.referredTo === r).length }));
  const average = rated.length ? Math.round((rated.reduce((s, c) => s + c.rating!, 0) / rated.length) * 100) / 100 : null;
  return {
    officeHoursHeld: held.length,
    bookings: hours.filter((h) => !h.cancelled).reduce((s, h) => s + h.booked, 0),
    consultations: consultations.length,
    consultationsByCategory: CATEGORIES.map((category) => ({ category, count: consultations.filter((c) => c.category === category).length })),
    consultationOutcomes: {
      resolved: consultations.length - open.length - referredTo.reduce((s, r) => s + r.count, 0),
      referred: referredTo.reduce((s, r) => s + r.count, 0), referredTo, open: open.length,
    },
    ratings: rated.length, averageRating: average, mediations: mediations.length,
    mediationOutcomes: { agreed: cases('AGREED'), noAgreement: cases('NO_AGREEMENT'), referred: cases('REFERRED'), withdrawn: cases('WITHDRAWN'), open: cases('OPEN', 'IN_MEDIATION') },
    educationSessions: sessions.length, educationAttendance: sessions.reduce((n, x) => n + x.attendance, 0),
  };
}

type Key = 'districtId' | 'streetId' | 'communityId';
function expected(key: Key, id: string, period: string) {
  const hours = data.hours.filter((h) => h[key] === id && !h.cancelled && inPeriod(beijing(h.startsAt), period));
  const consultations = data.consultations.filter((c) => c[key] === id && inPeriod(beijing(c.requestedAt), period));
  const mediations = data.mediations.filter((m) => m[key] === id && inPeriod(beijing(m.openedAt), period));
  const sessions = data.sessions.filter((x) => x[key] === id && inPeriod(beijing(x.startsAt), period));
  const groups = (by: 'lawyerId' | 'communityId', type: string, field: string) =>
    [...new Set([...hours, ...consultations, ...mediations, ...sessions].map((x) => x[by]))].filter((g) => g !== null).sort().map((g) => {
      const of = <T extends { lawyerId: string | null; communityId: string }>(xs: T[]) => xs.filter((x) => x[by] === g);
      return { [field]: { id: gid(type, g!) }, ...recount(of(hours), of(consultations), of(mediations), of(sessions)) };
    });
  return { ...recount(hours, consultations, mediations, sessions), byAdvisor: groups('lawyerId', 'Lawyer', 'lawyer'), byCommunity: groups('communityId', 'Community', 'community') };
}

const sorted = <T extends Record<string, any>>(rows: T[], field: string) => [...rows].sort((a, b) => (a[field].id < b[field].id ? -1 : 1));

describe('service statistics', () => {
  it.each(['2026', '2026-Q2', '2026-Q3', '2026-12', '2025-12'])('equal a recount of random data at every level for %s', async (period) => {
    const nodes: [string, Key, string][] = [
      ['District', 'districtId', w.tree.district.id], ...w.tree.streets.map((s): [string, Key, string] => ['Street', 'streetId', s.id]),
      ...w.tree.communities.map((c): [string, Key, string] => ['Community', 'communityId', c.id]),
    ];
    for (const [type, key, id] of nodes) {
      const { node } = await ok(w.gw, NODE, { id: gid(type, id), p: period });
      const got = node.legalServiceStats;
      const want = expected(key, id, period);
      expect({ ...got, byAdvisor: sorted(got.byAdvisor, 'lawyer'), byCommunity: sorted(got.byCommunity, 'community') })
        .toEqual({ period, from: expect.any(String), until: expect.any(String), ...want, byAdvisor: sorted(want.byAdvisor, 'lawyer'), byCommunity: sorted(want.byCommunity, 'community') });
    }
    // The recount is not vacuous: the year has figures of every kind.
    const year = expected('districtId', w.tree.district.id, '2026');
    expect([year.officeHoursHeld, year.bookings, year.ratings, year.consultationOutcomes.open, year.consultationOutcomes.referred, year.mediations, year.mediationOutcomes.open, year.educationAttendance].every((n) => n > 0)).toBe(true);
  });

  it('counts an hour by its Beijing start: 23:29 on 30 June in Q2, midnight in Q3', async () => {
    const c = w.tree.communities[0];
    const ours = (p: string) => ok(w.gw, NODE, { id: gid('Community', c.id), p }).then((d) => d.node.legalServiceStats.byAdvisor.find((a: any) => a.lawyer.id === lawyerIds[2]));
    expect((await ours('2026-Q2')).officeHoursHeld).toBe(1);
    expect((await ours('2026-Q3')).officeHoursHeld).toBe(1);
    expect(await ours('2026-Q3').then((a) => a.bookings)).toBe(3);
    const { node } = await ok(w.gw, NODE, { id: gid('District', w.tree.district.id), p: '2026-Q3' });
    expect([node.legalServiceStats.from, node.legalServiceStats.until]).toEqual(['2026-07-01', '2026-09-30']);
  });

  it('refuses a period that is not a year, quarter or month with BAD_USER_INPUT at period', async () => {
    for (const p of ['2026-13', '2026-Q5', '26', '2026-7', '2026-01-01', '']) {
      const res = await w.gw.request(NODE, { id: gid('District', w.tree.district.id), p });
      expect([p, codeOf(res), res.errors?.[0]?.extensions?.field]).toEqual([p, 'BAD_USER_INPUT', 'period']);
    }
  });

  it('sends as many statements for a district of 20 communities and 4 advisors as for one of 2 and 1', async () => {
    const big = await w.gw.seed.tree({ streets: 4, communitiesPerStreet: 5, residentsPerCommunity: 1 });
    await w.gw.enableProgram(big.district.id, 'legal-advisors');
    for (const [tree, advisors] of [[big, 4], [w.other, 1]] as const) {
      const o = await office(w.gw, tree.district.id);
      const ids: string[] = [];
      for (let i = 0; i < advisors; i++) ids.push(Buffer.from(await lawyer(w.gw, o, `律师${i}`), 'base64url').toString().split(':')[1]);
      const account = await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: tree.district.id });
      await insertData(w.gw, tree, account.id, randomData(random(7), tree, ids, new Date('2026-01-01T00:00:00Z'), 300, 300, 300, 100, 100));
    }
    const q = `query($id: ID!, $p: String!) { node(id: $id) { ... on District { ${STATS}
      streets { nodes { ${STATS} communities { nodes { ${STATS} } } } } } } }`;
    const small = await w.gw.request(q, { id: gid('District', w.other.district.id), p: '2026' });
    const large = await w.gw.request(q, { id: gid('District', big.district.id), p: '2026' });
    expect(large.errors).toBeUndefined();
    expect(large.data.node.streets.nodes.flatMap((s: any) => s.communities.nodes)).toHaveLength(20);
    expect(large.data.node.legalServiceStats.byAdvisor).toHaveLength(4);
    expect(large.sqlCount).toBe(small.sqlCount);
    const csvCount = async (districtId: string) => (await csv({ node: gid('District', districtId), period: '2026' })).headers.get('x-sql-statements');
    expect(await csvCount(big.district.id)).toBe(await csvCount(w.other.district.id));
  });
});

/** GET the CSV route as the platform admin unless `token` says otherwise (null: no header). */
function csv(params: Record<string, string>, token: string | null = w.gw.adminToken, header?: string) {
  const auth = header ?? (token ? `Bearer ${token}` : undefined);
  return fetch(`${w.gw.gateway.url}/plugins/legal-advisors/service-stats.csv?${new URLSearchParams(params)}`, { headers: auth ? { authorization: auth } : {} });
}

describe('service statistics as CSV for Excel', () => {
  it('starts with the BOM, ends lines with CRLF, quotes every field and parses back to the figures of the graph', async () => {
    const res = await csv({ node: gid('District', w.tree.district.id), period: '2026' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(`法律服务统计-${w.tree.district.name}-2026.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^"范围","名称","统计期","坐班次数",/);
    const lines = text.slice(1, -2).split('\r\n');
    expect(lines.filter((l) => !/^"([^"]|"")*"(,"([^"]|"")*")*$/.test(l))).toEqual([]);
    const [header, ...rows]: string[][] = parse(bytes, { bom: true });
    const { node } = await ok(w.gw, NODE, { id: gid('District', w.tree.district.id), p: '2026' });
    const figures = (f: any) => [f.officeHoursHeld, f.bookings, f.consultations, ...f.consultationsByCategory.map((c: any) => c.count),
      f.consultationOutcomes.resolved, ...f.consultationOutcomes.referredTo.map((r: any) => r.count), f.consultationOutcomes.open, f.ratings,
      f.averageRating === null ? '' : f.averageRating.toFixed(2), f.mediations, f.mediationOutcomes.agreed, f.mediationOutcomes.noAgreement,
      f.mediationOutcomes.referred, f.mediationOutcomes.withdrawn, f.mediationOutcomes.open, f.educationSessions, f.educationAttendance].map(String);
    const communityName = (id: string) => w.tree.communities.find((c) => gid('Community', c.id) === id)!.name;
    const lawyers = await ok(w.gw, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Lawyer { id name } } }`, { ids: lawyerIds });
    const lawyerName = (id: string) => lawyers.nodes.find((l: any) => l.id === id).name;
    const want = [
      ['区', w.tree.district.name, '2026', ...figures(node.legalServiceStats)],
      ...node.legalServiceStats.byCommunity.map((c: any) => ['社区', communityName(c.community.id), '2026', ...figures(c)]),
      ...node.legalServiceStats.byAdvisor.map((a: any) => ['律师', lawyerName(a.lawyer.id), '2026', ...figures(a)]),
    ];
    expect(header).toHaveLength(want[0].length);
    expect([...rows].sort()).toEqual(want.map((r) => (r[1] === FORMULA ? [r[0], `'${r[1]}`, ...r.slice(2)] : r)).sort());
    expect(rows.filter((r) => r[0] === '律师').map((r) => r[1])).toContain(`'${FORMULA}`);
  });

  it('answers 401 without a valid token, 403 to a resident, grid and social workers, the advisor and staff of another street or community, 404 across districts, 400 on bad input', async () => {
    const c = w.tree.communities[0];
    const neighbour = w.tree.communities.find((x) => x.streetId === c.streetId && x.id !== c.id)!;
    const at = { node: gid('Community', c.id), period: '2026-Q3' };
    const resident = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id, residentId: w.tree.residents.find((r) => r.communityId === c.id)!.id });
    const worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: neighbour.id });
    const foreign = await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id });
    const own = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id });
    const answer = async (res: Response) => [res.status, res.status === 200 ? 'csv' : (await res.json()).errors[0].extensions.code];
    expect(await answer(await csv(at, null))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await answer(await csv(at, null, 'Bearer not-a-token'))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await answer(await csv(at, resident.token))).toEqual([403, 'FORBIDDEN']);
    expect(await answer(await csv(at, worker.token))).toEqual([403, 'FORBIDDEN']);
    for (const a of [
      await w.gw.account({ role: 'GRID_WORKER', level: 'GRID', districtId: w.tree.district.id, scopeId: w.tree.grids.find((g) => g.communityId === c.id)!.id }),
      await w.gw.account({ role: 'SOCIAL_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id }),
      await w.gw.account({ role: 'legal-advisors:advisor', level: 'DISTRICT', districtId: w.tree.district.id }),
      await w.gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: w.tree.district.id, scopeId: w.tree.streets.find((s) => s.id !== c.streetId)!.id }),
    ]) expect(await answer(await csv(at, a.token))).toEqual([403, 'FORBIDDEN']);
    expect(await answer(await csv({ ...at, node: gid('Street', c.streetId) }, own.token))).toEqual([403, 'FORBIDDEN']);
    for (const node of [gid('Community', c.id), gid('Street', c.streetId), gid('District', w.tree.district.id)]) {
      expect(await answer(await csv({ ...at, node }, foreign.token))).toEqual([404, 'NOT_FOUND']);
    }
    expect(await answer(await csv(at, own.token))).toEqual([200, 'csv']);
    for (const [params, field] of [[{ ...at, period: '2026-Q9' }, 'period'], [{ node: at.node }, 'period'], [{ ...at, node: 'x' }, 'node'], [{ period: '2026' }, 'node']] as const) {
      const res = await csv(params, own.token);
      expect([res.status, (await res.json()).errors[0].extensions.field]).toEqual([400, field]);
    }
  });
});

describe('who sees the statistics', () => {
  const q = (type: string, id: string, token: string) => w.gw.request(NODE, { id: gid(type, id), p: '2026' }, { token });
  const streetOf = (i: number) => w.tree.streets[i];
  const communityIn = (streetIndex: number) => w.tree.communities.find((c) => c.streetId === streetOf(streetIndex).id)!;

  it('shows a district admin, street staff and a community worker their own node, and nothing above or beside it', async () => {
    const admin = await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.tree.district.id });
    expect(codeOf(await q('District', w.tree.district.id, admin.token))).toBeUndefined();
    const street = await w.gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: w.tree.district.id, scopeId: streetOf(0).id });
    expect(codeOf(await q('Street', streetOf(0).id, street.token))).toBeUndefined();
    expect(codeOf(await q('Community', communityIn(0).id, street.token))).toBeUndefined();
    // Beside their node the object itself may be hidden (NOT_FOUND); the figures never show.
    const refused = async (type: string, id: string, token: string) => {
      const res = await q(type, id, token);
      return [type, codeOf(res), JSON.stringify(res.data ?? {}).includes('officeHoursHeld')];
    };
    const REFUSED = expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/);
    for (const [type, id] of [['Street', streetOf(1).id], ['Community', communityIn(1).id]]) {
      expect(await refused(type, id, street.token)).toEqual([type, REFUSED, false]);
    }
    expect(await refused('District', w.tree.district.id, street.token)).toEqual(['District', REFUSED, false]);
    const worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: communityIn(0).id });
    expect(codeOf(await q('Community', communityIn(0).id, worker.token))).toBeUndefined();
    const neighbour = w.tree.communities.find((c) => c.streetId === streetOf(0).id && c.id !== communityIn(0).id)!;
    for (const [type, id] of [['Community', neighbour.id], ['Street', streetOf(0).id], ['District', w.tree.district.id]]) {
      expect(await refused(type, id, worker.token)).toEqual([type, REFUSED, false]);
    }
    const staff = await w.gw.account({ role: 'legal-advisors:legal-services-staff', level: 'STREET', districtId: w.tree.district.id, scopeId: streetOf(1).id });
    expect(codeOf(await q('Street', streetOf(1).id, staff.token))).toBeUndefined();
    expect(await refused('Street', streetOf(0).id, staff.token)).toEqual(['Street', REFUSED, false]);
  });

  it('refuses the resident, grid and social workers and the advisor\'s own account', async () => {
    const c = communityIn(0);
    const resident = w.tree.residents.find((r) => r.communityId === c.id)!;
    const callers = [
      await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id, residentId: resident.id }),
      await w.gw.account({ role: 'GRID_WORKER', level: 'GRID', districtId: w.tree.district.id, scopeId: w.tree.grids.find((g) => g.communityId === c.id)!.id }),
      await w.gw.account({ role: 'SOCIAL_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id }),
      await w.gw.account({ role: 'legal-advisors:advisor', level: 'DISTRICT', districtId: w.tree.district.id }),
    ];
    // The resident reads the community itself; the others may not even see it. (The CSV route answers 403 to each.)
    const refused = expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/);
    const want = ['FORBIDDEN', refused, refused, refused];
    for (const [i, a] of callers.entries()) {
      const res = await q('Community', c.id, a.token);
      expect([i, codeOf(res), res.data?.node?.legalServiceStats ?? null]).toEqual([i, want[i], null]);
    }
  });

  it('answers another district\'s admin and street staff NOT_FOUND for our district, street and community', async () => {
    const foreign = [
      await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id }),
      await w.gw.account({ role: 'STREET_STAFF', level: 'STREET', districtId: w.other.district.id, scopeId: w.other.streets[0].id }),
    ];
    for (const a of foreign) {
      for (const [type, id] of [['District', w.tree.district.id], ['Street', streetOf(0).id], ['Community', communityIn(0).id]]) {
        const res = await q(type, id, a.token);
        expect([type, codeOf(res), JSON.stringify(res.data ?? {}).includes('officeHoursHeld')]).toEqual([type, 'NOT_FOUND', false]);
      }
    }
  });
});

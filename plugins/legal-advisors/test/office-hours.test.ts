import { ASSIGN, codeOf, gid, lawyer, office, ok, world, type World } from './support';

let w: World;
let officeId: string;
beforeAll(async () => {
  w = await world();
  officeId = await office(w.gw, w.tree.district.id);
});
afterAll(async () => { await w.gw.close(); });

const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const SCHEDULE = `mutation($i: ScheduleLegalOfficeHourInput!) { scheduleLegalOfficeHour(input: $i) { id capacity booked placesLeft lawyer { id } } }`;
const BOOK = `mutation($i: BookLegalOfficeHourInput!) { bookLegalOfficeHour(input: $i) { id onBehalf category status officeHour { booked } } }`;
const fieldsOf = (res: any) => ((res.errors?.[0]?.extensions?.fields ?? [{ field: res.errors?.[0]?.extensions?.field }]) as { field: string }[]).map((f) => f.field).sort();

/** A community with an advisor from long ago to far ahead; returns its lawyer. */
async function advised(communityId: string, name: string, lawyerId?: string): Promise<string> {
  const l = lawyerId ?? await lawyer(w.gw, officeId, name);
  await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', communityId), lawyerId: l, startsOn: '2026-01-01', endsOn: '2099-01-01' } });
  return l;
}

async function slot(communityId: string, startsInHours: number, capacity = 5): Promise<string> {
  const d = await ok(w.gw, SCHEDULE, { i: { communityId: gid('Community', communityId), startsAt: inHours(startsInHours), endsAt: inHours(startsInHours + 2), capacity, location: '社区服务中心 2楼' } });
  return d.scheduleLegalOfficeHour.id;
}

describe('weekly pattern and dated office hours', () => {
  it('makes four weeks of slots from the pattern in one mutation, reports what it skipped, and refuses bad input with the field paths', async () => {
    const c = w.tree.communities[0];
    await advised(c.id, '周律师');
    const add = `mutation($i: AddLegalOfficeHourPatternInput!) { addLegalOfficeHourPattern(input: $i) { id weekday startTime } }`;
    const tuesday = await ok(w.gw, add, { i: { communityId: gid('Community', c.id), weekday: 2, startTime: '09:00', endTime: '11:30', capacity: 6, location: '调解室' } });
    expect(tuesday.addLegalOfficeHourPattern).toMatchObject({ weekday: 2, startTime: '09:00' });
    const bad = await w.gw.request(add, { i: { communityId: gid('Community', c.id), weekday: 8, startTime: '9am', endTime: '08:00', capacity: 0, location: 'x'.repeat(101) } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(['input.capacity', 'input.endTime', 'input.location', 'input.startTime', 'input.weekday']);
    expect(codeOf(await w.gw.request(add, { i: { communityId: gid('Community', c.id), weekday: 2, startTime: '09:00', endTime: '10:00', capacity: 1 } }))).toBe('CONFLICT');

    const gen = `mutation($i: GenerateLegalOfficeHoursInput!) { generateLegalOfficeHours(input: $i) { created { id startsAt capacity lawyer { name } } skipped { startsAt reason } } }`;
    const from = beijingDay(1);
    const to = beijingDay(28);
    const first = await ok(w.gw, gen, { i: { communityId: gid('Community', c.id), from, to } });
    expect(first.generateLegalOfficeHours.created).toHaveLength(4);
    expect(first.generateLegalOfficeHours.created[0]).toMatchObject({ capacity: 6, lawyer: { name: '周律师' } });
    for (const s of first.generateLegalOfficeHours.created) {
      const local = new Date(new Date(s.startsAt).getTime() + 8 * 3600_000);
      expect([local.getUTCDay(), local.getUTCHours(), local.getUTCMinutes()]).toEqual([2, 9, 0]);
    }
    const again = await ok(w.gw, gen, { i: { communityId: gid('Community', c.id), from, to } });
    expect(again.generateLegalOfficeHours.created).toHaveLength(0);
    expect(again.generateLegalOfficeHours.skipped.map((s: any) => s.reason)).toEqual(['ALREADY_SCHEDULED', 'ALREADY_SCHEDULED', 'ALREADY_SCHEDULED', 'ALREADY_SCHEDULED']);
    const tooLong = await w.gw.request(gen, { i: { communityId: gid('Community', c.id), from, to: beijingDay(200) } });
    expect([codeOf(tooLong), fieldsOf(tooLong)]).toEqual(['BAD_USER_INPUT', ['input.to']]);

    const read = await ok(w.gw, `query($id: ID!, $f: String!, $t: String!) { node(id: $id) { ... on Community {
      legalOfficeHourPatterns { weekday } legalOfficeHours(from: $f, to: $t) { id placesLeft } } } }`, { id: gid('Community', c.id), f: from, t: to });
    expect(read.node.legalOfficeHours).toHaveLength(4);
    expect(read.node.legalOfficeHourPatterns).toEqual([{ weekday: 2 }]);
  });

  it('skips the days a community has no advisor, and refuses a one-off office hour then', async () => {
    const c = w.tree.communities[1];
    const l = await lawyer(w.gw, officeId, '钱律师');
    await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', c.id), lawyerId: l, startsOn: '2026-01-01', endsOn: beijingDay(8) } });
    const everyDay = [1, 2, 3, 4, 5, 6, 7];
    for (const weekday of everyDay) {
      await ok(w.gw, `mutation($i: AddLegalOfficeHourPatternInput!) { addLegalOfficeHourPattern(input: $i) { id } }`,
        { i: { communityId: gid('Community', c.id), weekday, startTime: '14:00', endTime: '16:00', capacity: 3 } });
    }
    const r = await ok(w.gw, `mutation($i: GenerateLegalOfficeHoursInput!) { generateLegalOfficeHours(input: $i) { created { id } skipped { reason } } }`,
      { i: { communityId: gid('Community', c.id), from: beijingDay(1), to: beijingDay(14) } });
    expect(r.generateLegalOfficeHours.created).toHaveLength(7);
    expect(r.generateLegalOfficeHours.skipped.map((s: any) => s.reason)).toEqual(Array(7).fill('NO_ADVISOR'));
    const none = await w.gw.request(SCHEDULE, { i: { communityId: gid('Community', c.id), startsAt: inHours(24 * 20), endsAt: inHours(24 * 20 + 1), capacity: 2 } });
    expect([codeOf(none), none.errors?.[0]?.extensions?.reason]).toEqual(['CONFLICT', 'NO_ADVISOR']);
  });

  it('never seats one lawyer in two communities at overlapping times, also when both are scheduled at once', async () => {
    const [a, b] = [w.tree.communities[2], w.tree.communities[3]];
    const l = await advised(a.id, '孙律师');
    await advised(b.id, '孙律师', l);
    const at = 24 * 40;
    const results = await Promise.all([a, b, a, b, a, b].map((c, i) => w.gw.request(SCHEDULE,
      { i: { communityId: gid('Community', c.id), startsAt: inHours(at + i * 0.25), endsAt: inHours(at + 2), capacity: 4 } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions!.reason)).toEqual(Array(5).fill('LAWYER_BUSY'));
    await ok(w.gw, SCHEDULE, { i: { communityId: gid('Community', b.id), startsAt: inHours(at + 2), endsAt: inHours(at + 4), capacity: 4 } });
    const [{ n }] = await w.gw.sql(`select count(*)::int as n from la_office_hour where lawyer_id = (select id from la_lawyer where name = '孙律师')`);
    expect(n).toBe(2);
  });

  it('refuses bad one-off input with every field path and stores nothing', async () => {
    const c = w.tree.communities[0];
    const before = await w.gw.sql('select count(*)::int as n from la_office_hour');
    const bad = await w.gw.request(SCHEDULE, { i: { communityId: gid('Community', c.id), startsAt: inHours(-1), endsAt: inHours(-2), capacity: 500, location: 'x'.repeat(101) } });
    expect(fieldsOf(bad)).toEqual(['input.capacity', 'input.endsAt', 'input.location', 'input.startsAt']);
    const notDate = await w.gw.request(SCHEDULE, { i: { communityId: gid('Community', c.id), startsAt: 'tomorrow', endsAt: inHours(3), capacity: 1 } });
    expect(codeOf(notDate)).toBe('BAD_USER_INPUT');
    expect(await w.gw.sql('select count(*)::int as n from la_office_hour')).toEqual(before);
  });
});

describe('bookings', () => {
  it('gives exactly 20 places to 200 residents booking at once, and one place to a resident firing ten times', async () => {
    const big = await w.gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 200 });
    await w.gw.enableProgram(big.district.id, 'legal-advisors');
    const bigOffice = await office(w.gw, big.district.id);
    await ok(w.gw, ASSIGN, { i: { communityId: gid('Community', big.communities[0].id), lawyerId: await lawyer(w.gw, bigOffice, '郑律师'), startsOn: '2026-01-01', endsOn: '2099-01-01' } });
    const worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: big.district.id, scopeId: big.communities[0].id });
    const hour = await slot(big.communities[0].id, 48, 20);
    const results = await Promise.all(big.residents.map((r) => w.gw.request(BOOK,
      { i: { officeHourId: hour, residentId: gid('Resident', r.id), category: 'LABOUR' } }, { token: worker.token })));
    expect(results.filter((r) => !r.errors)).toHaveLength(20);
    expect(new Set(results.filter((r) => r.errors).map((r) => `${codeOf(r)}:${r.errors![0].extensions!.reason}`))).toEqual(new Set(['CONFLICT:FULL']));
    expect(results.find((r) => !r.errors)!.data.bookLegalOfficeHour.onBehalf).toBe(true);
    const [row] = await w.gw.sql(`select booked, (select count(*)::int from la_booking where office_hour_id = h.id and status = 'BOOKED') as rows from la_office_hour h where h.id = $1`, [Buffer.from(hour, 'base64url').toString().split(':')[1]]);
    expect(row).toEqual({ booked: 20, rows: 20 });

    const hour2 = await slot(big.communities[0].id, 72, 20);
    const unplaced = big.residents[results.findIndex((r) => r.errors)];
    const self = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: big.district.id, scopeId: big.communities[0].id, residentId: unplaced.id });
    const tries = await Promise.all(Array.from({ length: 10 }, () => w.gw.request(BOOK, { i: { officeHourId: hour2, category: 'INHERITANCE' } }, { token: self.token })));
    expect(tries.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(tries.filter((r) => r.errors).map((r) => r.errors![0].extensions!.reason))).toEqual(new Set(['ALREADY_BOOKED']));
    const mine = await ok(w.gw, `{ myLegalBookings { onBehalf category officeHour { booked } } }`, {}, self.token);
    expect(mine.myLegalBookings).toEqual([{ onBehalf: false, category: 'INHERITANCE', officeHour: { booked: 1 } }]);
  });

  it('lets a resident book and cancel only for themselves, in their own community, until the cutoff', async () => {
    const c = w.tree.communities[4];
    await advised(c.id, '吴律师');
    const mineIdx = w.tree.residents.findIndex((r) => r.communityId === c.id);
    const me = w.tree.residents[mineIdx];
    const neighbour = w.tree.residents[mineIdx + 1];
    const elsewhere = w.tree.residents.find((r) => r.communityId !== c.id)!;
    const self = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id, residentId: me.id });
    const later = await slot(c.id, 30);
    const soon = await slot(c.id, 1);

    const forNeighbour = await w.gw.request(BOOK, { i: { officeHourId: later, residentId: gid('Resident', neighbour.id), category: 'OTHER' } }, { token: self.token });
    expect(codeOf(forNeighbour)).toBe('FORBIDDEN');
    const worker = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id });
    const wrongCommunity = await w.gw.request(BOOK, { i: { officeHourId: later, residentId: gid('Resident', elsewhere.id), category: 'OTHER' } });
    expect([codeOf(wrongCommunity), fieldsOf(wrongCommunity)]).toEqual(['BAD_USER_INPUT', ['input.officeHourId']]);
    const notResident = await w.gw.request(BOOK, { i: { officeHourId: later, category: 'OTHER' } }, { token: worker.token });
    expect([codeOf(notResident), fieldsOf(notResident)]).toEqual(['BAD_USER_INPUT', ['input.residentId']]);

    const booked = await ok(w.gw, BOOK, { i: { officeHourId: later, category: 'CONTRACTS' } }, self.token);
    const soonBooking = await ok(w.gw, BOOK, { i: { officeHourId: soon, category: 'CONTRACTS' } }, self.token);
    const cancel = `mutation($id: ID!) { cancelLegalBooking(id: $id) { status officeHour { booked } } }`;
    const late = await w.gw.request(cancel, { id: soonBooking.bookLegalOfficeHour.id }, { token: self.token });
    expect([codeOf(late), late.errors?.[0]?.extensions?.reason]).toEqual(['CONFLICT', 'CUTOFF_PASSED']);
    const other = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id, residentId: neighbour.id });
    expect(codeOf(await w.gw.request(cancel, { id: booked.bookLegalOfficeHour.id }, { token: other.token }))).toBe('FORBIDDEN');
    expect(codeOf(await w.gw.request(`query($id: ID!) { node(id: $id) { id } }`, { id: booked.bookLegalOfficeHour.id }, { token: other.token }))).toBe('NOT_FOUND');
    const done = await ok(w.gw, cancel, { id: booked.bookLegalOfficeHour.id }, self.token);
    expect(done.cancelLegalBooking).toEqual({ status: 'CANCELLED', officeHour: { booked: 0 } });
    expect(codeOf(await w.gw.request(cancel, { id: booked.bookLegalOfficeHour.id }, { token: self.token }))).toBe('CONFLICT');
  });

  it('shows who booked to the community\'s staff only, and cancelling an office hour cancels its bookings with an event', async () => {
    const c = w.tree.communities[5];
    await advised(c.id, '冯律师');
    const hour = await slot(c.id, 50, 3);
    const resident = w.tree.residents.find((r) => r.communityId === c.id)!;
    await ok(w.gw, BOOK, { i: { officeHourId: hour, residentId: gid('Resident', resident.id), category: 'ELDERLY_RIGHTS' } });
    const LIST = `query($id: ID!) { node(id: $id) { ... on OfficeHour { booked bookings { category onBehalf resident { name } } } } }`;
    const own = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: c.id });
    expect((await ok(w.gw, LIST, { id: hour }, own.token)).node.bookings).toEqual([{ category: 'ELDERLY_RIGHTS', onBehalf: true, resident: { name: resident.name } }]);
    const nextDoor = await w.gw.account({ role: 'COMMUNITY_WORKER', level: 'COMMUNITY', districtId: w.tree.district.id, scopeId: w.tree.communities[4].id });
    const refused = await w.gw.request(LIST, { id: hour }, { token: nextDoor.token });
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(refused.data ?? {})).not.toContain(resident.name);

    const cancel = `mutation($i: CancelLegalOfficeHourInput!) { cancelLegalOfficeHour(input: $i) { status booked cancelReason placesLeft } }`;
    const done = await ok(w.gw, cancel, { i: { officeHourId: hour, reason: '律师出庭' } });
    expect(done.cancelLegalOfficeHour).toEqual({ status: 'CANCELLED', booked: 0, cancelReason: '律师出庭', placesLeft: 0 });
    const [event] = await w.gw.sql(`select payload from outbox_event where name = 'legal.office-hour-cancelled' order by seq desc limit 1`);
    expect(event.payload.bookingIds).toHaveLength(1);
    expect(codeOf(await w.gw.request(BOOK, { i: { officeHourId: hour, residentId: gid('Resident', resident.id), category: 'OTHER' } }))).toBe('CONFLICT');
  });

  it('answers another district\'s admin NOT_FOUND for our office hours and bookings, and changes nothing', async () => {
    const c = w.tree.communities[0];
    const hour = await slot(c.id, 60);
    const resident = w.tree.residents.find((r) => r.communityId === c.id)!;
    const b = await ok(w.gw, BOOK, { i: { officeHourId: hour, residentId: gid('Resident', resident.id), category: 'OTHER' } });
    const foreign = await w.gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: w.other.district.id });
    const tries = await Promise.all([
      w.gw.request(`mutation($i: CancelLegalOfficeHourInput!) { cancelLegalOfficeHour(input: $i) { id } }`, { i: { officeHourId: hour, reason: 'x' } }, { token: foreign.token }),
      w.gw.request(`mutation($id: ID!) { cancelLegalBooking(id: $id) { id } }`, { id: b.bookLegalOfficeHour.id }, { token: foreign.token }),
      w.gw.request(BOOK, { i: { officeHourId: hour, residentId: gid('Resident', resident.id), category: 'OTHER' } }, { token: foreign.token }),
      w.gw.request(`query($id: ID!) { node(id: $id) { id } }`, { id: hour }, { token: foreign.token }),
      w.gw.request(SCHEDULE, { i: { communityId: gid('Community', c.id), startsAt: inHours(100), endsAt: inHours(101), capacity: 1 } }, { token: foreign.token }),
    ]);
    expect(tries.map(codeOf)).toEqual(Array(5).fill('NOT_FOUND'));
    const [row] = await w.gw.sql(`select booked, status from la_office_hour where id = $1`, [Buffer.from(hour, 'base64url').toString().split(':')[1]]);
    expect(row).toEqual({ booked: 1, status: 'SCHEDULED' });
  });

  it('reads a whole street\'s office hours with a fixed number of statements', async () => {
    const q = `query($id: ID!, $f: String!, $t: String!) { node(id: $id) { ... on Street { communities { nodes { legalOfficeHours(from: $f, to: $t) { id lawyer { name } bookings { category } } } } } } }`;
    const counts = [];
    for (const s of w.tree.streets) counts.push((await w.gw.request(q, { id: gid('Street', s.id), f: beijingDay(0), t: beijingDay(60) })).sqlCount);
    const hours = await w.gw.sql('select count(*)::int as n from la_office_hour');
    expect(hours[0].n).toBeGreaterThan(10);
    expect(counts[0]).toBe(counts[1]);
  });
});

describe('family (core relations)', () => {
  it("a child books for their elder while the elder's consent is live, and not after it is withdrawn", async () => {
    const fam = await w.gw.seed.tree({ streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 1 });
    await w.gw.enableProgram(fam.district.id, 'legal-advisors');
    const c = fam.communities[0];
    await advised(c.id, '钱律师', await lawyer(w.gw, await office(w.gw, fam.district.id), '钱律师'));
    const hour = await slot(c.id, 50, 5);
    const elder = fam.residents.find((r) => r.communityId === c.id)!;
    const child = fam.residents.find((r) => r.communityId === fam.communities[1].id)!; // lives in another community
    const childAcc = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: fam.district.id, scopeId: child.communityId, residentId: child.id });
    const elderAcc = await w.gw.account({ role: 'RESIDENT', level: 'COMMUNITY', districtId: fam.district.id, scopeId: elder.communityId, residentId: elder.id });
    const i = { officeHourId: hour, residentId: gid('Resident', elder.id), category: 'ELDERLY_RIGHTS' };
    expect(codeOf(await w.gw.request(BOOK, { i }, { token: childAcc.token }))).toBe('FORBIDDEN'); // no relation yet
    const rel = await ok(w.gw, `mutation($i: RecordResidentRelationInput!) { recordResidentRelation(input: $i) { id } }`,
      { i: { residentId: gid('Resident', elder.id), relativeId: gid('Resident', child.id), kind: 'CHILD', consentMethod: 'IN_PERSON' } });
    const booked = await w.gw.request(BOOK, { i }, { token: childAcc.token });
    expect(booked.errors).toBeUndefined();
    expect(booked.data.bookLegalOfficeHour.onBehalf).toBe(true);
    await ok(w.gw, `mutation($id: ID!) { endResidentRelation(id: $id, reason: CONSENT_WITHDRAWN) { endedAt } }`, { id: rel.recordResidentRelation.id }, elderAcc.token);
    const hour2 = await slot(c.id, 74, 5);
    expect(codeOf(await w.gw.request(BOOK, { i: { ...i, officeHourId: hour2 } }, { token: childAcc.token }))).toBe('FORBIDDEN');
  });
});

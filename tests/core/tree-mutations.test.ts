import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

const count = async (table: string) => (await gw.sql(`select count(*)::int as n from ${table}`))[0].n as number;
const problem = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions;

const CREATE_DISTRICT = `mutation($input: CreateDistrictInput!) { createDistrict(input: $input) { id name divisionCode } }`;

async function district(code: string) {
  const res = await gw.request(CREATE_DISTRICT, { input: { name: `区${code}`, divisionCode: code } });
  expect(res.errors).toBeUndefined();
  return res.data.createDistrict.id as string;
}

test('district division codes are validated and unique', async () => {
  const before = await count('district');
  for (const bad of ['12345', '1234567', '990101', 'abcdef']) {
    const res = await gw.request(CREATE_DISTRICT, { input: { name: '某区', divisionCode: bad } });
    expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.divisionCode' });
  }
  const empty = await gw.request(CREATE_DISTRICT, { input: { name: '  ', divisionCode: '330106' } });
  expect(problem(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  expect(await count('district')).toBe(before);
  await district('330106');
  const dup = await gw.request(CREATE_DISTRICT, { input: { name: '另一个区', divisionCode: '330106' } });
  expect(problem(dup)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.divisionCode' });
  expect(await count('district')).toBe(before + 1);
});

test('concurrent creates of the same code: exactly one succeeds, the rest get BAD_USER_INPUT', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, () => gw.request(CREATE_DISTRICT, { input: { name: '并发区', divisionCode: '440305' } })),
  );
  expect(results.filter((r) => !r.errors)).toHaveLength(1);
  for (const r of results.filter((x) => x.errors)) expect(problem(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.divisionCode' });
  expect((await gw.sql(`select count(*)::int as n from district where division_code = '440305'`))[0].n).toBe(1);
});

test('parents must exist and names are unique within their parent', async () => {
  const d1 = await district('310104');
  const d2 = await district('310105');
  const mk = (districtId: string, name: string) =>
    gw.request(`mutation($i: CreateStreetInput!) { createStreet(input: $i) { id name kind district { divisionCode } } }`, { i: { districtId, name, kind: 'STREET' } });
  const missing = await mk(toGlobalId('District', '00000000-0000-4000-8000-000000000000'), '徐家汇街道');
  expect(problem(missing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtId' });
  const wrongType = await mk(toGlobalId('Street', '00000000-0000-4000-8000-000000000000'), '徐家汇街道');
  expect(problem(wrongType)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtId' });
  const ok = await mk(d1, '徐家汇街道');
  expect(ok.data.createStreet.district.divisionCode).toBe('310104');
  const dup = await mk(d1, '徐家汇街道');
  expect(problem(dup)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  const elsewhere = await mk(d2, '徐家汇街道');
  expect(elsewhere.errors).toBeUndefined();

  const c = await gw.request(`mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { id street { name } district { name } } }`,
    { i: { streetId: ok.data.createStreet.id, name: '汇站社区', kind: 'URBAN' } });
  expect(c.errors).toBeUndefined();
  const g = await gw.request(`mutation($i: CreateGridInput!) { createGrid(input: $i) { id name households community { name } } }`,
    { i: { communityId: c.data.createCommunity.id, name: '第1网格', households: 420, leaderName: '王建国' } });
  expect(g.data.createGrid).toMatchObject({ households: 420, community: { name: '汇站社区' } });
  const badGrid = await gw.request(`mutation($i: CreateGridInput!) { createGrid(input: $i) { id } }`,
    { i: { communityId: c.data.createCommunity.id, name: '第2网格', households: -1 } });
  expect(problem(badGrid)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.households' });
  const renamed = await gw.request(`mutation($id: ID!) { updateStreet(id: $id, input: { name: "田林街道", kind: TOWN }) { name kind } }`, { id: ok.data.createStreet.id });
  expect(renamed.data.updateStreet).toEqual({ name: '田林街道', kind: 'TOWN' });
});

describe('residents', () => {
  let communityId: string;
  let gridId: string;
  let districtId: string;
  beforeAll(async () => {
    const tree = await gw.seed.tree({ divisionCode: '110101', streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 0 });
    communityId = toGlobalId('Community', tree.communities[0].id);
    gridId = toGlobalId('Grid', tree.grids[1].id); // a grid of the other community
    districtId = tree.district.id;
  });
  const CREATE = `mutation($i: CreateResidentInput!) { createResident(input: $i) { id name age idNumber phone careTags community { name } } }`;
  const base = () => ({ communityId, name: '张秀英', gender: 'FEMALE', birthDate: '1949-03-15', careTags: ['ELDERLY_60', 'LIVING_ALONE'] });

  test('ID numbers need a valid GB 11643 checksum agreeing with birth date and gender; phones need a mobile format', async () => {
    const before = await count('resident');
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: '110101194903150023' }, 'input.idNumber'], // wrong check digit
      [{ idNumber: '110101195003150021' }, 'input.idNumber'], // valid, but another birth date
      [{ idNumber: '110101194903150014' }, 'input.idNumber'], // valid, but a man's serial
      [{ phone: '12345678901' }, 'input.phone'],
      [{ birthDate: '2999-01-01' }, 'input.birthDate'],
      [{ careTags: ['ELDERLY_80'] }, 'input.careTags'],
      [{ gridId }, 'input.gridId'],
    ];
    for (const [patch, field] of cases) {
      const res = await gw.request(CREATE, { i: { ...base(), ...patch } });
      expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count('resident')).toBe(before);
  });

  test('a valid resident is stored encrypted; only a role that may reveal sees the full values', async () => {
    const res = await gw.request(CREATE, { i: { ...base(), idNumber: '110101194903150022', phone: '13912345678' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createResident).toMatchObject({ idNumber: '110101194903150022', phone: '13912345678', careTags: ['ELDERLY_60', 'LIVING_ALONE'] });
    expect(res.data.createResident.age).toBeGreaterThanOrEqual(76);
    const [row] = await gw.sql(`select id_number, phone from resident where name = '张秀英'`);
    expect(row.id_number).toMatch(/^v2:/);
    expect(row.phone).toMatch(/^v2:/);
    expect(JSON.stringify(row)).not.toContain('110101194903150022');
    const social = await gw.account({ role: 'SOCIAL_WORKER', level: 'COMMUNITY', districtId, scopeId: (await gw.sql(`select community_id from resident where name = '张秀英'`))[0].community_id });
    const masked = await gw.request(`query($id: ID!) { node(id: $id) { ... on Resident { idNumber phone } } }`, { id: res.data.createResident.id }, { token: social.token });
    expect(masked.data.node).toEqual({ idNumber: '110101********0022', phone: '139****5678' });
    const dup = await gw.request(CREATE, { i: { ...base(), name: '李秀英', idNumber: '110101194903150022' } });
    expect(problem(dup)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
    const upd = await gw.request(`mutation($id: ID!) { updateResident(id: $id, input: { phone: "13800000000", address: "1幢101室" }) { phone } }`, { id: res.data.createResident.id });
    expect(upd.data.updateResident.phone).toBe('13800000000');
    const badUpd = await gw.request(`mutation($id: ID!) { updateResident(id: $id, input: { birthDate: "1950-01-01" }) { id } }`, { id: res.data.createResident.id });
    expect(problem(badUpd)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
    const [after] = await gw.sql(`select birth_date::text as b from resident where name = '张秀英'`);
    expect(after.b).toBe('1949-03-15');
  });

  test('organisations serve communities of their own district; workers have one employer', async () => {
    const org = await gw.request(`mutation($i: CreateSocialOrganizationInput!) { createSocialOrganization(input: $i) { id name communitiesServed { id } } }`, {
      i: { districtId: toGlobalId('District', districtId), name: '阳光社工服务社', registration: 'REGISTERED', category: 'SOCIAL_SERVICES', creditCode: '52110101MJ0000001X', communityIds: [communityId] },
    });
    expect(org.errors).toBeUndefined();
    expect(org.data.createSocialOrganization.communitiesServed).toEqual([{ id: communityId }]);
    const badCode = await gw.request(`mutation($i: CreateSocialOrganizationInput!) { createSocialOrganization(input: $i) { id } }`, {
      i: { districtId: toGlobalId('District', districtId), name: '某组织', registration: 'FILED', category: 'CHARITY', creditCode: 'XYZ' },
    });
    expect(problem(badCode)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.creditCode' });
    const w = await gw.request(`mutation($i: CreateSocialWorkerInput!) { createSocialWorker(input: $i) { name certification employer { __typename ... on SocialOrganization { name } } } }`, {
      i: { districtId: toGlobalId('District', districtId), name: '陈静', certification: 'INTERMEDIATE', postType: 'ALL_ROUND', employerId: org.data.createSocialOrganization.id },
    });
    expect(w.data.createSocialWorker).toEqual({ name: '陈静', certification: 'INTERMEDIATE', employer: { __typename: 'SocialOrganization', name: '阳光社工服务社' } });
    const badEmployer = await gw.request(`mutation($i: CreateSocialWorkerInput!) { createSocialWorker(input: $i) { name } }`, {
      i: { districtId: toGlobalId('District', districtId), name: '陈静', certification: 'SENIOR', postType: 'PROJECT', employerId: toGlobalId('District', districtId) },
    });
    expect(problem(badEmployer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employerId' });
  });
});

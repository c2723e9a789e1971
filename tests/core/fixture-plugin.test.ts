import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import fixture, { handled } from '@gongzhi/fixture-plugin';
import { migrationTable } from '@gongzhi/core';
import { runMigrations } from '@gongzhi/core/src/db/migrate';

let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let other: Awaited<ReturnType<TestGateway['seed']['tree']>>;
beforeAll(async () => {
  gw = await createTestGateway({ plugins: [fixture] });
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 50, residentsPerCommunity: 0 });
  other = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 0 });
});
afterAll(() => gw?.close());

const ADD = `mutation($c: ID!, $t: String!) { fixtureAddNote(communityId: $c, text: $t) { id text priority } }`;
const notes = async () => (await gw.sql(`select count(*)::int as n from fx_note`))[0].n as number;

test('its migrations ran once, in order, in their own history table; re-running is a no-op', async () => {
  const rows = await gw.sql(`select name from ${migrationTable('fixture')} order by id`);
  expect(rows.map((r) => r.name)).toEqual(['Migration20261122000001_notes', 'Migration20261122000002_priority']);
  const again = await runMigrations(gw.orm, [{ name: 'fixture', migrations: fixture.migrations! }]);
  expect(again).toEqual({ fixture: [] });
  expect((await gw.sql(`select count(*)::int as n from ${migrationTable('fixture')}`))[0].n).toBe(2);
});

test('its fields appear on core types; while disabled they fail with PROGRAM_NOT_ENABLED and write nothing', async () => {
  const c = toGlobalId('Community', tree.communities[0].id);
  const read = await gw.request(`query($c: ID!) { node(id: $c) { ... on Community { name fixtureNotes { text } } } }`, { c });
  expect(read.errors?.[0].extensions?.code).toBe('PROGRAM_NOT_ENABLED');
  expect(read.errors?.[0].path).toEqual(['node', 'fixtureNotes']);
  const write = await gw.request(ADD, { c, t: 'hello' });
  expect(write.errors?.[0].extensions?.code).toBe('PROGRAM_NOT_ENABLED');
  expect(await notes()).toBe(0);

  await gw.enableProgram(tree.district.id, 'fixture');
  const ok = await gw.request(ADD, { c, t: 'hello' });
  expect(ok.errors).toBeUndefined();
  expect(ok.data.fixtureAddNote).toMatchObject({ text: 'hello', priority: 0 });
  const fetched = await gw.request(`query($id: ID!) { node(id: $id) { __typename ... on FixtureNote { text } } }`, { id: ok.data.fixtureAddNote.id });
  expect(fetched.data.node).toEqual({ __typename: 'FixtureNote', text: 'hello' });

  // another district has not enabled it
  const foreign = await gw.request(ADD, { c: toGlobalId('Community', other.communities[0].id), t: 'x' });
  expect(foreign.errors?.[0].extensions?.code).toBe('PROGRAM_NOT_ENABLED');

  await gw.disableProgram(tree.district.id, 'fixture');
  const after = await gw.request(ADD, { c, t: 'again' });
  expect(after.errors?.[0].extensions?.code).toBe('PROGRAM_NOT_ENABLED');
  expect(await notes()).toBe(1);
  const history = await gw.sql(`select enabled from program_enablement_change where district_id = $1 order by changed_at`, [tree.district.id]);
  expect(history.map((h) => h.enabled)).toEqual([true, false]);
  await gw.enableProgram(tree.district.id, 'fixture');
});

test('the enablement check costs no SQL: 10 and 100 communities with plugin fields run the same statements', async () => {
  const q = `query($w: ID!, $n: Int) { communities(filter: { within: $w }, first: $n) { nodes { name fixtureNotes { text } } } }`;
  const w = toGlobalId('District', tree.district.id);
  const ten = await gw.request(q, { w, n: 10 });
  const hundred = await gw.request(q, { w, n: 100 });
  expect(ten.errors).toBeUndefined();
  expect(hundred.data.communities.nodes).toHaveLength(100);
  expect(hundred.sqlCount).toBe(ten.sqlCount);
});

test('settings are typed, defaulted and validated per district', async () => {
  const d = toGlobalId('District', tree.district.id);
  const read = await gw.request(`query($d: ID!) { node(id: $d) { ... on District { programSettings(program: "fixture") { values defaults } } } }`, { d });
  expect(read.data.node.programSettings).toEqual({ values: { maxNoteLength: 20, greeting: '你好' }, defaults: { maxNoteLength: 20, greeting: '你好' } });
  const UPDATE = `mutation($d: ID!, $v: JSONObject!) { updateProgramSettings(districtId: $d, program: "fixture", values: $v) { values } }`;
  const bad = await gw.request(UPDATE, { d, v: { maxNoteLength: 500, colour: 'red' } });
  expect(bad.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT', field: 'values.maxNoteLength',
    fields: [{ field: 'values.maxNoteLength', message: 'must be at most 200' }, { field: 'values.colour', message: 'is not a setting of this program' }],
  });
  expect((await gw.sql(`select count(*)::int as n from program_setting`))[0].n).toBe(0);
  const good = await gw.request(UPDATE, { d, v: { maxNoteLength: 5 } });
  expect(good.data.updateProgramSettings.values).toEqual({ maxNoteLength: 5, greeting: '你好' });
  const tooLong = await gw.request(ADD, { c: toGlobalId('Community', tree.communities[1].id), t: 'abcdef' });
  expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
});

test('events commit with the data, reach subscribers once, and a rolled-back write emits nothing', async () => {
  await gw.settleEvents();
  const seenBefore = handled.length;
  const c = toGlobalId('Community', tree.communities[2].id);
  const ok = await gw.request(ADD, { c, t: 'evt' });
  expect(ok.errors).toBeUndefined();
  const failed = await gw.request(ADD, { c, t: 'boom' });
  expect(failed.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  expect(failed.errors?.[0].message).toBe('Internal server error');
  expect(await gw.sql(`select * from fx_note where text = 'boom'`)).toEqual([]);
  await gw.settleEvents();
  const events = await gw.sql(`select seq, name, payload from outbox_event where payload->>'text' in ('evt', 'boom')`);
  expect(events).toHaveLength(1);
  expect(events[0].seq).not.toBeNull();
  expect(handled.length - seenBefore).toBe(1);
  const marks = await gw.sql(`select status from event_handling where handler = 'fixture/count-notes' and event_seq = $1`, [events[0].seq]);
  expect(marks).toEqual([{ status: 'DONE' }]);
});

test('platform lists the loaded plugin and the districts that run it', async () => {
  const res = await gw.request(`{ platform { coreVersion plugins { name version compatibility title { zh en } districts { divisionCode } } } }`);
  expect(res.data.platform.plugins).toEqual([{
    name: 'fixture', version: '1.0.0', compatibility: '^1.0.0', title: { zh: '测试插件', en: 'Fixture' }, districts: [{ divisionCode: tree.district.divisionCode }],
  }]);
  expect(res.data.platform.coreVersion).toMatch(/^\d+\.\d+\.\d+/);
});

test('each root mutation field is its own savepoint: a failing field undoes only its own writes', async () => {
  const c = toGlobalId('Community', tree.communities[3].id);
  const res = await gw.request(`mutation($c: ID!) { a: fixtureAddNote(communityId: $c, text: "kept") { id } b: fixtureAddNote(communityId: $c, text: "boom") { id } }`, { c });
  expect(res.data).toBeNull(); // non-null field b failed, so GraphQL nulls the whole result
  expect(res.errors?.map((e) => e.path)).toEqual([['b']]);
  const notesNow = await gw.sql(`select text from fx_note where community_id = $1`, [tree.communities[3].id]);
  expect(notesNow).toEqual([{ text: 'kept' }]);
  const audit = await gw.sql(`select outcome from audit_log where action = 'mutation.fixtureAddNote' order by id desc limit 2`);
  expect(audit.map((x) => x.outcome).sort()).toEqual(['FAILURE', 'SUCCESS']);
});

import { randomBytes } from 'node:crypto';
import { createTestGateway, installedPlugins, type TestGateway } from '@gongzhi/testing';
import { ResidentEntity } from '@gongzhi/core';
import { idNumber } from '@gongzhi/core/src/seed/people-generator';

/**
 * A read never writes: loading any entity (custom column types, computed properties,
 * encrypted fields) leaves the unit of work clean, and reads racing updates lose nothing.
 * Row updates are counted by a trigger on every table, not by the statistics collector
 * (whose counters are flushed asynchronously).
 */
const plugins = installedPlugins();
let gw: TestGateway;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;

async function countUpdates(): Promise<number> {
  const [r] = await gw.sql(`select count(*)::int as n from write_probe`);
  return r.n;
}

beforeAll(async () => {
  gw = await createTestGateway({ plugins });
  tree = await gw.seed.tree({ divisionCode: '320102', streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 10 });
  for (const p of plugins) {
    await gw.enableProgram(tree.district.id, p.name);
    await gw.em().transactional((em) => p.seed!({ em, districtId: tree.district.id, clock: gw.clock }));
  }
  // encrypted columns filled: phones through the graph, identity numbers through the ORM
  let n = 0;
  for (const r of tree.residents) {
    const res = await gw.request(`mutation($id: ID!, $p: String!) { updateResident(id: $id, input: { phone: $p }) { id } }`, {
      id: gw.gid('Resident', r.id), p: `139000000${String(n++).padStart(2, '0')}`,
    });
    expect(res.errors).toBeUndefined();
  }
  await gw.em().transactional(async (em) => {
    const rows = await em.find(ResidentEntity, { districtId: tree.district.id });
    rows.forEach((r, i) => (r.idNumber = idNumber('320102', r.birthDate, r.gender, i)));
  });
  // one probe row per updated row, on every table of every package
  await gw.sql(`
    create table write_probe (tbl text not null);
    create function write_probe_count() returns trigger language plpgsql security definer as $f$
    begin insert into write_probe values (tg_table_name); return new; end $f$;
    do $$ declare t text; begin
      for t in select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('write_probe', 'audit_log') and table_name not like 'mikro_orm%' loop
        execute format('create trigger write_probe after update on %I for each row execute function write_probe_count()', t);
      end loop;
    end $$;`);
});
afterAll(() => gw?.close());

test('loading every entity of every package leaves the unit of work clean', async () => {
  const dirty: string[] = [];
  let loaded = 0;
  for (const meta of Object.values(gw.orm.getMetadata().getAll())) {
    if (meta.abstract || meta.embeddable || !meta.class) continue;
    const em = gw.em();
    const rows = await em.find(meta.class, {}, { limit: 20 });
    loaded += rows.length;
    em.getUnitOfWork().computeChangeSets();
    const changes = em.getUnitOfWork().getChangeSets();
    if (changes.length) dirty.push(`${meta.className}: ${Object.keys(changes[0].payload).join(', ')}`);
  }
  expect(dirty).toEqual([]);
  expect(loaded).toBeGreaterThan(50);
});

test('N concurrent reads and M concurrent phone updates: nothing lost, reads write no row', async () => {
  const residents = tree.residents.slice(0, 10);
  const read = (i: number) => i % 2
    ? gw.request(`query($id: ID!) { node(id: $id) { ... on Resident { id name phone idNumber age careTags } } }`, { id: gw.gid('Resident', residents[i % residents.length].id) })
    : gw.request(`query($w: ID!) { residents(filter: { within: $w }, first: 50) { nodes { id phone idNumber age } } }`, { w: gw.gid('District', tree.district.id) });

  const before = await countUpdates();
  const reads = await Promise.all(Array.from({ length: 40 }, (_, i) => read(i)));
  expect(reads.flatMap((r) => r.errors ?? [])).toEqual([]);
  expect(await countUpdates()).toBe(before);

  const phones = residents.map((_, i) => `1370000${String(1000 + i)}`);
  const mixed = await Promise.all([
    ...residents.map((r, i) => gw.request(`mutation($id: ID!, $p: String!) { updateResident(id: $id, input: { phone: $p }) { id } }`, { id: gw.gid('Resident', r.id), p: phones[i] })),
    ...Array.from({ length: 40 }, (_, i) => read(i)),
  ]);
  expect(mixed.flatMap((r) => r.errors ?? [])).toEqual([]);
  // only the updates wrote: one row each
  expect(await countUpdates()).toBe(before + residents.length);
  const after = await gw.request(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Resident { phone } } }`, { ids: residents.map((r) => gw.gid('Resident', r.id)) });
  expect(after.data.nodes.map((n: { phone: string }) => n.phone)).toEqual(phones);
});

test('two gateways with different data keys in one process keep their own key', async () => {
  const other = await createTestGateway({ config: { dataKey: randomBytes(32).toString('base64') } });
  try {
    const t = await other.seed.tree({ divisionCode: '320104', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 });
    for (const [g, id, phone] of [[other, t.residents[0].id, '13811112222'], [gw, tree.residents[0].id, '13833334444']] as const) {
      const res = await g.request(`mutation($id: ID!, $p: String!) { updateResident(id: $id, input: { phone: $p }) { phone } }`, { id: g.gid('Resident', id), p: phone });
      expect(res.errors).toBeUndefined();
    }
    const mine = await gw.request(`query($id: ID!) { node(id: $id) { ... on Resident { phone } } }`, { id: gw.gid('Resident', tree.residents[0].id) });
    const theirs = await other.request(`query($id: ID!) { node(id: $id) { ... on Resident { phone } } }`, { id: other.gid('Resident', t.residents[0].id) });
    expect([mine.data.node.phone, theirs.data.node.phone]).toEqual(['13833334444', '13811112222']);
    // the same plaintext under another key is another ciphertext
    const [a] = await gw.sql(`select phone from resident where id = $1`, [tree.residents[0].id]);
    await other.request(`mutation($id: ID!) { updateResident(id: $id, input: { phone: "13833334444" }) { id } }`, { id: other.gid('Resident', t.residents[0].id) });
    const [b] = await other.sql(`select phone from resident where id = $1`, [t.residents[0].id]);
    expect(a.phone).not.toEqual(b.phone);
  } finally {
    await other.close();
  }
});

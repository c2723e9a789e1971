import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { createTestGateway, installedPlugins, type TestGateway } from '@gongzhi/testing';
import { batteryCalls, footprint, objectFieldCalls, roleTokens, type BatteryCall } from './battery';

/**
 * Every field a program adds (its root Query, Mutation and Subscription fields, and the
 * fields it adds to core Node types), read from the program's own published SDL
 * (schema/<name>.graphql), so a new field is covered without being listed: with the
 * program off in the caller's district, each is refused with PROGRAM_NOT_ENABLED, for
 * every role of that district and for the platform admin, over HTTP and graphql-ws, with
 * arguments made from the district's real ids, and nothing changes in either district.
 */
const plugins = installedPlugins();
const CORE_NODES = ['District', 'Street', 'Community', 'Resident'];
let gw: TestGateway;

/** `Type` → the fields a program's SDL adds to it. */
function addedFields(program: string): Map<string, string[]> {
  const doc = parse(fs.readFileSync(path.resolve(__dirname, '../../schema', `${program}.graphql`), 'utf8'));
  const out = new Map<string, string[]>();
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    out.set(d.name.value, [...(out.get(d.name.value) ?? []), ...(d.fields ?? []).map((f) => f.name.value)]);
  }
  return out;
}

const codeOf = (res: { errors?: { extensions?: { code?: unknown } }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

/** The first answer of a subscription, or 'OPEN' when none came within `ms` (it is streaming). */
async function firstAnswer(query: string, variables: Record<string, unknown>, token: string, ms = 400): Promise<unknown> {
  const it = gw.subscribe(query, variables, gw.wsClient({ authorization: `Bearer ${token}` }));
  const timeout = new Promise((r) => setTimeout(() => r('OPEN'), ms));
  try {
    const first = await Promise.race([it.next().then((r) => codeOf((r.value ?? {}) as never), (e) => (Array.isArray(e) ? e[0] : e)?.extensions?.code ?? String(e)), timeout]);
    return first;
  } finally {
    void it.return?.();
  }
}

const readable = new Map<string, boolean>();
/** Whether `token`'s caller sees the object through node(id:) (cached per caller and object). */
async function reads(token: string, id: string): Promise<boolean> {
  const key = `${token}|${id}`;
  if (!readable.has(key)) readable.set(key, codeOf(await gw.request(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token })) === 'OK');
  return readable.get(key)!;
}

let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let other: Awaited<ReturnType<TestGateway['seed']['tree']>>;
let tokens: Record<string, string>;

beforeAll(async () => {
  gw = await createTestGateway({ plugins, config: { rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } } });
  tree = await gw.seed.tree({ divisionCode: '370102', streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 4 });
  other = await gw.seed.tree({ divisionCode: '370103', streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 2 });
  const org = await gw.seed.organization({ districtId: tree.district.id, communityIds: [tree.communities[0].id] });
  for (const d of [tree.district.id, other.district.id]) {
    for (const p of plugins) {
      await gw.enableProgram(d, p.name);
      await gw.em().transactional((em) => p.seed!({ em, districtId: d, clock: gw.clock }));
    }
  }
  tokens = await roleTokens(gw, tree, org.id);
}, 120_000);
afterAll(() => gw?.close());

describe.each(plugins.map((p) => p.name))('%s turned off', (program) => {
  const added = addedFields(program);
  let calls: BatteryCall[];
  let subscriptions: BatteryCall[];

  beforeAll(async () => {
    const own = await footprint(gw, tree.district.id);
    const roots = batteryCalls(gw.gateway.schema, own, ['query', 'mutation', 'subscription']);
    const mine = (op: string, type: string) => roots.filter((c) => c.name.startsWith(`${op} `) && added.get(type)?.includes(c.name.slice(op.length + 1)));
    calls = [...mine('query', 'Query'), ...mine('mutation', 'Mutation'),
      ...CORE_NODES.flatMap((t) => (added.get(t) ? objectFieldCalls(gw.gateway.schema, own, t, added.get(t)!) : []))];
    subscriptions = mine('subscription', 'Subscription');
    expect(calls.length + subscriptions.length).toBe([...added.entries()].filter(([t]) => ['Query', 'Mutation', 'Subscription', ...CORE_NODES].includes(t)).flatMap(([, f]) => f).length);
    await gw.disableProgram(tree.district.id, program);
  });
  afterAll(() => gw.enableProgram(tree.district.id, program));

  test('every field over HTTP, as every role of the district: PROGRAM_NOT_ENABLED, nothing changed', async () => {
    const before = [await footprint(gw, tree.district.id), await footprint(gw, other.district.id)].map((f) => f.checksum);
    const wrong: string[] = [];
    let unreachable = 0;
    for (const [role, token] of Object.entries(tokens)) {
      for (const call of calls) {
        // a field of a core object this role cannot read through node(id:) is never reached:
        // that object's own read rule answers, whatever the program (so that is not the gate's answer)
        if (call.variables.gzNode && !(await reads(token, call.variables.gzNode as string))) {
          unreachable++;
          continue;
        }
        const code = codeOf(await gw.request(call.query, call.variables, { token }));
        if (code !== 'PROGRAM_NOT_ENABLED') wrong.push(`${role} · ${call.name}: ${code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(unreachable).toBeLessThan(Object.keys(tokens).length * calls.length); // most calls are reached
    expect([await footprint(gw, tree.district.id), await footprint(gw, other.district.id)].map((f) => f.checksum)).toEqual(before);
  }, 240_000);

  test('the platform admin, with the program off everywhere: PROGRAM_NOT_ENABLED, nothing changed', async () => {
    await gw.disableProgram(other.district.id, program);
    try {
      const before = (await footprint(gw, tree.district.id)).checksum;
      const wrong: string[] = [];
      for (const call of calls) {
        const code = codeOf(await gw.request(call.query, call.variables));
        if (code !== 'PROGRAM_NOT_ENABLED') wrong.push(`${call.name}: ${code}`);
      }
      expect(wrong).toEqual([]);
      expect((await footprint(gw, tree.district.id)).checksum).toEqual(before);
    } finally {
      await gw.enableProgram(other.district.id, program);
    }
  }, 120_000);

  test('every subscription over graphql-ws: PROGRAM_NOT_ENABLED', async () => {
    const wrong: string[] = [];
    for (const [role, token] of Object.entries(tokens)) {
      for (const call of subscriptions) {
        const code = await firstAnswer(call.query, call.variables, token);
        if (code !== 'PROGRAM_NOT_ENABLED') wrong.push(`${role} · ${call.name}: ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  test('with the program on, the same calls are not refused for it (the refusal above is the gate)', async () => {
    await gw.enableProgram(tree.district.id, program);
    const token = tokens['DISTRICT_ADMIN@DISTRICT'];
    const refused: string[] = [];
    for (const call of calls) if (codeOf(await gw.request(call.query, call.variables, { token })) === 'PROGRAM_NOT_ENABLED') refused.push(call.name);
    for (const call of subscriptions) if ((await firstAnswer(call.query, call.variables, token)) === 'PROGRAM_NOT_ENABLED') refused.push(call.name);
    expect(refused).toEqual([]);
  }, 120_000);
});

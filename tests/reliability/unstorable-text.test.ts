import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';
import fixturePlugin from '@gongzhi/fixture-plugin';
import volunteerBank from '@gongzhi/plugin-volunteer-bank';
import elderlyDining from '@gongzhi/plugin-elderly-dining';

/**
 * Generated from the schema: every String or ID input of every query and mutation root
 * field (arguments, input-object fields at any depth, list elements) gets a NUL and a
 * lone surrogate through variables, and a NUL as a literal. Each must answer
 * BAD_USER_INPUT naming the field path, change no row, and never INTERNAL_SERVER_ERROR.
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway({
    plugins: [fixturePlugin, volunteerBank, elderlyDining],
    config: { rateLimit: { perAccountPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } },
  });
}, 60_000);
afterAll(() => gw?.close());

const ZERO = '00000000-0000-4000-8000-000000000000';

/** A value of the type that coerces (so only the planted string can be wrong). */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [sample(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && depth < 4) out[f.name] = sample(f.type, depth + 1);
    return out;
  }
  const name = getNamedType(type).name;
  return ({
    String: 'x', ID: gw.gid('District', ZERO), Int: 1, Float: 1, Boolean: true, DateTimeISO: '2026-01-01T00:00:00.000Z',
    LocalDate: '2026-01-01', JSONObject: {}, JSON: {},
  } as Record<string, unknown>)[name] ?? 'x';
}

/** Paths to every String/ID leaf below a type, with the value holding `bad` there. */
function plant(type: GraphQLInputType, bad: string, depth = 0): { path: string[]; value: unknown }[] {
  if (isNonNullType(type)) return plant(type.ofType, bad, depth);
  if (isListType(type)) return plant(type.ofType, bad, depth).map((p) => ({ path: ['0', ...p.path], value: [p.value] }));
  if (isScalarType(type)) return type.name === 'String' || type.name === 'ID' ? [{ path: [], value: bad }] : [];
  if (!isInputObjectType(type) || depth > 3) return [];
  const base = sample(type, depth) as Record<string, unknown>;
  return Object.values(type.getFields()).flatMap((f) =>
    plant(f.type, bad, depth + 1).map((p) => ({ path: [f.name, ...p.path], value: { ...base, [f.name]: p.value } })));
}

interface Case { label: string; op: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; arg: GraphQLArgument; path: string; value: unknown }

function cases(bad: string, label: string): Case[] {
  const out: Case[] = [];
  for (const op of ['query', 'mutation'] as const) {
    const root = op === 'query' ? gw.gateway.schema.getQueryType()! : gw.gateway.schema.getMutationType()!;
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args) {
        for (const p of plant(arg.type, bad)) out.push({ label, op, field, arg, path: [arg.name, ...p.path].join('.'), value: p.value });
      }
    }
  }
  return out;
}

function document(c: Case, literal: boolean): { query: string; variables?: Record<string, unknown> } {
  const others = c.field.args.filter((a) => a !== c.arg && isNonNullType(a.type));
  const defs = [c.arg, ...others].map((a) => `$${a.name}: ${a.type}`);
  const selection = isScalarType(getNamedType(c.field.type)) || isEnumType(getNamedType(c.field.type)) ? '' : ' { __typename }';
  const variables = Object.fromEntries([[c.arg.name, c.value], ...others.map((a) => [a.name, sample(a.type)])]);
  if (!literal) return { query: `${c.op}(${defs.join(', ')}) { ${c.field.name}(${[c.arg, ...others].map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`, variables };
  const args = [c.arg, ...others].map((a) => `${a.name}: ${toLiteral(variables[a.name], a.type)}`);
  return { query: `${c.op} { ${c.field.name}(${args.join(', ')})${selection} }` };
}

async function inParallel<T>(items: T[], fn: (item: T) => Promise<void>, width = 6): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** A value as a GraphQL literal of its type (enums bare, JSON scalars as object literals). */
function toLiteral(value: unknown, type: GraphQLInputType): string {
  if (isNonNullType(type)) return toLiteral(value, type.ofType);
  if (isListType(type)) return `[${(value as unknown[]).map((v) => toLiteral(v, type.ofType)).join(', ')}]`;
  if (isEnumType(type)) return String(value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{${Object.entries(value as object).map(([k, v]) => `${k}: ${toLiteral(v, fields[k].type)}`).join(', ')}}`;
  }
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/** Every table but the audit log (a refused mutation is audited as FAILURE), row by row. */
async function fingerprint(): Promise<string> {
  const tables = (await gw.sql<{ t: string }>(`select quote_ident(tablename) as t from pg_tables where schemaname = 'public' and tablename <> 'audit_log' order by 1`)).map((r) => r.t);
  const parts = await Promise.all(tables.map(async (t) => `${t}:${(await gw.sql(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${t} x`))[0].h}`));
  return parts.join('|');
}

test('NUL and lone surrogates in any String/ID input: BAD_USER_INPUT with the path, no row changed', async () => {
  const all = [
    ...cases('a\u0000b', 'NUL').flatMap((c) => [{ c, literal: false }, { c, literal: true }]),
    ...cases('a\ud800b', 'lone surrogate').map((c) => ({ c, literal: false })),
  ];
  expect(all.length).toBeGreaterThan(100);
  expect(all.some(({ c }) => c.field.name === 'login')).toBe(true);
  const before = await fingerprint();
  const wrong: string[] = [];
  let anonymous = 0;
  await inParallel(all, async ({ c, literal }) => {
    const { query, variables } = document(c, literal);
    const tokens = c.field.name === 'login' ? [null, gw.adminToken] : [gw.adminToken];
    for (const token of tokens) {
      if (token === null) anonymous++;
      const res = await gw.request(query, variables, { token });
      const e = res.errors?.[0]?.extensions;
      if (e?.code !== 'BAD_USER_INPUT' || e.field !== c.path || res.data) {
        wrong.push(`${c.op} ${c.field.name} ${c.path} (${c.label}${literal ? ', literal' : ''}): ${res.status} ${JSON.stringify(res.errors ?? res.data).slice(0, 200)}`);
      }
    }
  });
  process.stdout.write(`unstorable text: ${all.length} cases over ${new Set(all.map(({ c }) => c.field.name)).size} root fields (${anonymous} anonymous), ${wrong.length} wrong\n`);
  expect(wrong).toEqual([]);
  expect(await fingerprint()).toBe(before);
}, 120_000);

test('the same over WebSocket', async () => {
  const [c] = cases('a\u0000b', 'NUL').filter((x) => x.field.name === 'createDistrict');
  const { query, variables } = document(c, false);
  const errors = await new Promise<any[]>((resolve) => {
    gw.wsClient().subscribe({ query, variables }, { next: () => undefined, error: (e) => resolve(e as any[]), complete: () => resolve([]) });
  });
  expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: c.path });
});

test('variables of the wrong type are BAD_USER_INPUT on every argument, never INTERNAL_SERVER_ERROR', async () => {
  const wrongValues = (type: GraphQLInputType): unknown[] => {
    const named = getNamedType(type);
    const base = isInputObjectType(named) ? ['not an object', { nope: 1 }] : isEnumType(named) ? ['NOT_A_VALUE', 3]
      : named.name === 'JSON' ? [] : named.name === 'JSONObject' ? ['x', [[1]]] : [{ nope: 1 }, [[1]]];
    return isNonNullType(type) ? [null, ...base] : base;
  };
  const probes: { field: GraphQLField<unknown, unknown>; op: string; arg: GraphQLArgument; value: unknown }[] = [];
  for (const op of ['query', 'mutation'] as const) {
    const root = op === 'query' ? gw.gateway.schema.getQueryType()! : gw.gateway.schema.getMutationType()!;
    for (const field of Object.values(root.getFields())) for (const arg of field.args) for (const value of wrongValues(arg.type)) probes.push({ field, op, arg, value });
  }
  const before = await fingerprint();
  const wrong: string[] = [];
  await inParallel(probes, async ({ field, op, arg, value }) => {
    const c: Case = { label: 'type', op: op as Case['op'], field, arg, path: arg.name, value };
    const { query, variables } = document(c, false);
    const res = await gw.request(query, variables);
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    if (!codes.length || codes.some((code) => code !== 'BAD_USER_INPUT')) wrong.push(`${op} ${field.name}(${arg.name}: ${JSON.stringify(value)}): ${res.status} ${JSON.stringify(res.errors).slice(0, 200)}`);
  });
  process.stdout.write(`variable coercion: ${probes.length} wrong-typed variables, ${wrong.length} not BAD_USER_INPUT\n`);
  expect(wrong).toEqual([]);
  expect(await fingerprint()).toBe(before);
}, 120_000);

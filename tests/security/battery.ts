import {
  GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType,
  getNamedType, isInputObjectType, isLeafType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import type { TestGateway } from '@gongzhi/testing';

/** Every identifier of one district: uuids of its rows in every tenant table, and global ids by type. */
export interface DistrictFootprint {
  uuids: Set<string>;
  byType: Map<string, string[]>;
  /** md5 of every tenant table's rows of the district, to prove nothing was written. */
  checksum: Record<string, string>;
}

export async function footprint(gw: TestGateway, districtId: string): Promise<DistrictFootprint> {
  const tables = (await gw.sql(`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'district_id' and table_name not like 'mikro_orm%' and table_name <> 'audit_log'`)).map((r) => r.table_name as string);
  const uuids = new Set<string>([districtId]);
  const checksum: Record<string, string> = {};
  for (const t of tables.sort()) {
    const rows = await gw.sql(`select row_to_json(x)::text as j from "${t}" x where district_id = $1 order by 1`, [districtId]);
    checksum[t] = rows.map((r) => r.j).join('\n');
    for (const r of rows) for (const m of (r.j as string).matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) uuids.add(m[0]);
  }
  const [d] = await gw.sql(`select row_to_json(x)::text as j from district x where id = $1`, [districtId]);
  checksum.district = d.j;
  const byType = new Map<string, string[]>();
  const nodes = (gw.gateway.services.nodes as unknown as { byTypename: Map<string, { entity: Function }> }).byTypename;
  for (const [typename, def] of nodes) {
    const meta = gw.orm.getMetadata().find(def.entity.name);
    if (!meta) continue;
    const hasDistrict = Object.values(meta.properties).some((p) => p.name === 'districtId');
    const col = typename === 'District' ? 'id' : hasDistrict ? 'district_id' : null;
    if (!col) continue;
    const rows = await gw.sql(`select id from "${meta.tableName}" where ${col} = $1 limit 3`, [districtId]);
    byType.set(typename, rows.map((r) => toGlobalId(typename, r.id)));
  }
  // identity: the district's grants and the accounts holding them
  const grants = await gw.sql(`select id, account_id from role_grant where district_id = $1 order by granted_at limit 3`, [districtId]);
  byType.set('RoleGrant', grants.map((g) => toGlobalId('RoleGrant', g.id)));
  byType.set('Account', grants.map((g) => toGlobalId('Account', g.account_id)));
  const accounts = await gw.sql(`select row_to_json(a)::text as j from account a where id in (select account_id from role_grant where district_id = $1) order by id`, [districtId]);
  checksum.account = accounts.map((r) => r.j).join('\n');
  return { uuids, byType, checksum };
}

/** A leaf value of the right shape; ID slots get the other district's ids. */
function valueFor(type: GraphQLInputType, name: string, ids: (name: string) => string, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, ids, depth);
  if (isListType(type)) return [valueFor(type.ofType, name, ids, depth)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values((type as GraphQLInputObjectType).getFields())) {
      if (isNonNullType(f.type) || depth < 1 || /id$/i.test(f.name)) out[f.name] = valueFor(f.type, f.name, ids, depth + 1);
    }
    return out;
  }
  switch ((type as GraphQLScalarType).name) {
    case 'ID': return ids(name);
    case 'Int': case 'PositiveInt': case 'NonNegativeInt': return 1;
    case 'Float': return 1;
    case 'Boolean': return true;
    case 'LocalDate': return '2026-12-01';
    case 'LocalTime': return '11:30';
    case 'DateTimeISO': return '2026-12-01T03:30:00.000Z';
    case 'JSON': case 'JSONObject': return {};
    default: return /phone/i.test(name) ? '13800000000' : /idNumber/i.test(name) ? '110101194903150022' : 'x';
  }
}

function selection(type: GraphQLObjectType | GraphQLInterfaceType, depth: number): string {
  const parts: string[] = ['__typename'];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (depth > 0 && (named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType)) {
      parts.push(`${f.name} { ${selection(named, depth - 1)} }`);
    }
  }
  return parts.join(' ');
}

const TYPE_BY_ARG: Record<string, string> = {
  districtId: 'District', streetId: 'Street', communityId: 'Community', gridId: 'Grid', residentId: 'Resident',
  grantId: 'RoleGrant', accountId: 'Account',
  organizationId: 'SocialOrganization', operatorId: 'SocialOrganization', employerId: 'SocialOrganization', within: 'Community', node: 'District',
};

export interface BatteryCall {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

type Operation = 'query' | 'mutation' | 'subscription';

/** A field with its arguments as variables (`defs`) and a selection: `name(a: $a) { … }`. */
function fieldCall(field: GraphQLField<unknown, unknown>, ids: DistrictFootprint, depth = 2): { text: string; defs: string[]; variables: Record<string, unknown> } {
  const pick = (typename: string | undefined) => (typename && ids.byType.get(typename)?.[0]) || ids.byType.get('Community')![0];
  const guess = (argName: string) => {
    const fromName = TYPE_BY_ARG[argName] ?? argName.replace(/Ids?$/, '').replace(/^./, (c) => c.toUpperCase());
    if (ids.byType.has(fromName)) return pick(fromName);
    const fromField = [...ids.byType.keys()].find((t) => field.name.toLowerCase().includes(t.toLowerCase()));
    return pick(fromField);
  };
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  for (const a of field.args) {
    if (!isNonNullType(a.type) && !/id$|within|filter|input/i.test(a.name)) continue;
    variables[a.name] = valueFor(a.type, a.name, (n) => guess(n === 'id' || n === 'ids' ? field.name : n));
    defs.push(`$${a.name}: ${a.type.toString()}`);
    args.push(`${a.name}: $${a.name}`);
  }
  const named = getNamedType(field.type);
  const sel = isLeafType(named) ? '' : `{ ${selection(named as GraphQLObjectType, depth)} }`;
  return { text: `${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sel}`, defs, variables };
}

const opText = (op: Operation, defs: string[], body: string) => `${op}${defs.length ? `(${defs.join(', ')})` : ''} { ${body} }`;

/** One call per root query and mutation (or the roots named), every ID slot filled with the given district's ids. */
export function batteryCalls(schema: GraphQLSchema, foreign: DistrictFootprint, ops: Operation[] = ['query', 'mutation']): BatteryCall[] {
  const calls: BatteryCall[] = [];
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  for (const op of ops) {
    for (const field of Object.values(roots[op]!.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (['login', 'refreshSession', 'logout'].includes(field.name)) continue;
      const { text, defs, variables } = fieldCall(field, foreign);
      calls.push({ name: `${op} ${field.name}`, query: opText(op, defs, text), variables });
    }
  }
  return calls;
}

/** One call per field of a Node type, asked through `node(id:)` on an object of the district (`Type.field`). */
export function objectFieldCalls(schema: GraphQLSchema, ids: DistrictFootprint, typename: string, fields: string[]): BatteryCall[] {
  const type = schema.getType(typename) as GraphQLObjectType;
  const node = ids.byType.get(typename)?.[0];
  if (!node) throw new Error(`no ${typename} in the district to ask ${fields.join(', ')} on`);
  return fields.map((name) => {
    const { text, defs, variables } = fieldCall(type.getFields()[name], ids, 0);
    return { name: `${typename}.${name}`, query: opText('query', ['$gzNode: ID!', ...defs], `node(id: $gzNode) { ... on ${typename} { ${text} } }`), variables: { ...variables, gzNode: node } };
  });
}

const LEVELS = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'ORGANIZATION'] as const;

/** A token per role a district can grant (core and plugin roles), each at the first node of its level (`ROLE@LEVEL`). */
export async function roleTokens(gw: TestGateway, t: SeededTree, organizationId: string): Promise<Record<string, string>> {
  const scopeAt: Record<(typeof LEVELS)[number], string> = {
    DISTRICT: t.district.id, STREET: t.streets[0].id, COMMUNITY: t.communities[0].id, GRID: t.grids[0].id, ORGANIZATION: organizationId,
  };
  const roles = gw.gateway.services.roles;
  const tokens: Record<string, string> = {};
  for (const role of roles.roles.keys()) {
    const level = LEVELS.find((l) => roles.grantableAt(role, l));
    if (!level) continue; // platform-only roles
    tokens[`${role}@${level}`] = (await gw.account({ role, level, districtId: t.district.id, scopeId: scopeAt[level], residentId: role === 'RESIDENT' ? t.residents[0].id : null })).token;
  }
  return tokens;
}

type SeededTree = Awaited<ReturnType<TestGateway['seed']['tree']>>;

export { GraphQLList, GraphQLNonNull };

import { ArgsType, Field, Int, ObjectType, ClassType } from 'type-graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { BadUserInputError, badInput } from './errors';

/**
 * Page size when a caller outside the graph passes none. Requests never see it: each
 * gateway fills in and caps `first` on every connection field from its own configuration.
 */
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: '页大小 / Page size (capped by the gateway)' })
  first?: number;

  @Field(() => String, { nullable: true, description: '从该游标之后开始 / Start after this cursor' })
  after?: string;
}

@ObjectType({ description: '分页信息 / Relay page info' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Resolved only when the client asks for it. */
  readonly totalCount: Promise<number> | number;
}

const connectionTypes = new Map<string, ClassType>();

/** Relay connection type for `nodeType`, named `${name}Connection` (one class per name). */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name): ClassType<ConnectionValue<T>> {
  const existing = connectionTypes.get(name);
  if (existing) return existing as ClassType<ConnectionValue<T>>;

  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${name} 列表 / Cursor connection of ${name}` })
  class Conn {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [nodeType], { description: 'edges 的节点 / The nodes of the edges' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: '满足条件的总数 / Total matching the filter' }) totalCount!: number;
  }
  connectionTypes.set(name, Conn);
  return Conn as unknown as ClassType<ConnectionValue<T>>;
}

type CursorValue = string | number | boolean | null | { d: string };

export function encodeCursor(values: unknown[]): string {
  const enc = values.map((v) => (v instanceof Date ? { d: v.toISOString() } : (v as CursorValue)));
  return Buffer.from(JSON.stringify(enc), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(raw) || raw.length !== arity) throw new Error('arity');
    return raw.map((v) => (v && typeof v === 'object' && 'd' in v ? new Date(v.d) : v));
  } catch {
    throw badInput('after', 'is not a cursor returned by this list');
  }
}

/** The page size for `first` (already capped by the gateway on connection fields). */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badInput(field, 'must be a non-negative integer');
  return first;
}

export type SortDirection = 'ASC' | 'DESC';

export interface KeysetOptions<T> {
  where: FilterQuery<T>;
  /** Sort property (non-null); `id` is always appended as the tie-breaker. */
  sortBy?: keyof T & string;
  direction?: SortDirection;
  first?: number | null;
  after?: string | null;
}

/**
 * Keyset pagination over an entity: `WHERE (sort, id) > (cursor)` with `LIMIT first+1`,
 * so deep pages cost the same as the first. `totalCount` runs only when selected.
 */
export async function keysetPage<T extends object & { id: string }>(
  em: EntityManager,
  entity: ClassType<T> | string,
  opts: KeysetOptions<T>,
): Promise<ConnectionValue<T>> {
  const size = pageSize(opts.first);
  const sortBy = (opts.sortBy ?? 'id') as string;
  const dir = opts.direction ?? 'ASC';
  const op = dir === 'ASC' ? '$gt' : '$lt';
  const ord = dir === 'ASC' ? 'asc' : 'desc';
  let where = opts.where as Record<string, unknown>;
  if (opts.after) {
    if (sortBy === 'id') {
      const [id] = decodeCursor(opts.after, 1);
      where = { $and: [where, { id: { [op]: id } }] };
    } else {
      const [v, id] = decodeCursor(opts.after, 2);
      where = { $and: [where, { $or: [{ [sortBy]: { [op]: v } }, { [sortBy]: v, id: { [op]: id } }] }] };
    }
  }
  const orderBy = sortBy === 'id' ? { id: ord } : { [sortBy]: ord, id: ord };
  const rows = size === 0 ? [] : await em.find(entity as ClassType<T>, where as FilterQuery<T>, {
    orderBy: orderBy as never,
    limit: size + 1,
  });
  const hasNextPage = rows.length > size;
  const page = hasNextPage ? rows.slice(0, size) : rows;
  const cursorOf = (n: T) =>
    encodeCursor(sortBy === 'id' ? [n.id] : [(n as Record<string, unknown>)[sortBy], n.id]);
  return toConnection(page, cursorOf, hasNextPage, !!opts.after, () =>
    em.count(entity as ClassType<T>, opts.where),
  );
}

/** Builds a connection value from an already fetched page. */
export function toConnection<T>(
  page: T[],
  cursorOf: (node: T) => string,
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  count: () => Promise<number> | number,
): ConnectionValue<T> {
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  let counted: Promise<number> | number | undefined;
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      counted ??= count();
      return counted;
    },
  };
}

export { BadUserInputError };

/**
 * One page per parent in a single statement (window function), for connections nested
 * under a list: `Community.grids` over 100 communities costs one query, not 100.
 */
export async function pagesByParent<T extends object & { id: string }>(
  em: EntityManager,
  entity: ClassType<T>,
  parentProp: keyof T & string,
  parentIds: readonly string[],
  opts: { first?: number | null; after?: string | null; sortBy?: keyof T & string; direction?: SortDirection },
): Promise<Map<string, ConnectionValue<T>>> {
  const size = pageSize(opts.first);
  const meta = em.getMetadata().get(entity.name);
  const col = (prop: string) => meta.properties[prop as keyof typeof meta.properties]?.fieldNames[0] ?? prop;
  const parentCol = col(parentProp);
  const sortBy = opts.sortBy ?? ('id' as keyof T & string);
  const sortCol = col(sortBy);
  const dir = opts.direction === 'DESC' ? 'desc' : 'asc';
  const cmp = dir === 'asc' ? '>' : '<';
  const params: unknown[] = [[...parentIds]];
  let keyset = '';
  if (opts.after) {
    if (sortBy === 'id') {
      const [id] = decodeCursor(opts.after, 1);
      keyset = `where y.id ${cmp} ?`;
      params.push(id);
    } else {
      const [v, id] = decodeCursor(opts.after, 2);
      keyset = `where (y.${sortCol}, y.id) ${cmp} (?, ?)`;
      params.push(v, id);
    }
  }
  const order = sortBy === 'id' ? `id ${dir}` : `${sortCol} ${dir}, id ${dir}`;
  const execute = (em as unknown as { execute: (q: string, p: unknown[]) => Promise<Record<string, unknown>[]> }).execute.bind(em);
  if (size === 0 && !opts.after) return countsByParent(execute, meta.tableName, parentCol, parentIds);
  const rows = parentIds.length === 0 ? [] : await execute(
    `select * from (
       select y.*, row_number() over (partition by ${parentCol} order by ${order}) as "__rn" from (
         select t.*, count(*) over (partition by ${parentCol}) as "__total"
         from ${meta.tableName} t where ${parentCol} in (?)) y ${keyset}) x
     where "__rn" <= ${size + 1}
     order by ${parentCol}, "__rn"`,
    params,
  );
  const grouped = new Map<string, { nodes: T[]; total: number }>();
  for (const id of parentIds) grouped.set(id, { nodes: [], total: 0 });
  for (const r of rows) {
    const { __rn: _rn, __total: total, ...data } = r;
    const g = grouped.get(String(r[parentCol]))!;
    g.total = Number(total);
    g.nodes.push(em.map(entity, data as never) as T);
  }
  const out = new Map<string, ConnectionValue<T>>();
  for (const [id, g] of grouped) {
    const hasNext = g.nodes.length > size;
    const page = hasNext ? g.nodes.slice(0, size) : g.nodes;
    const cursorOf = (n: T) => encodeCursor(sortBy === 'id' ? [n.id] : [(n as Record<string, unknown>)[sortBy], n.id]);
    out.set(id, toConnection(page, cursorOf, hasNext, !!opts.after, () => g.total));
  }
  return out;
}

/** An empty page per parent with its total: only a count is fetched (the gateway asks for 0 rows when a field selects only `totalCount`). */
async function countsByParent<T>(
  execute: (q: string, p: unknown[]) => Promise<Record<string, unknown>[]>,
  table: string,
  parentCol: string,
  parentIds: readonly string[],
): Promise<Map<string, ConnectionValue<T>>> {
  const rows = parentIds.length === 0 ? [] : await execute(
    `select ${parentCol} as k, count(*)::int as n from ${table} where ${parentCol} in (?) group by 1`, [[...parentIds]]);
  const totals = new Map(rows.map((r) => [String(r.k), Number(r.n)]));
  return new Map(parentIds.map((id) => {
    const total = totals.get(id) ?? 0;
    return [id, toConnection<T>([], () => '', total > 0, false, () => total)];
  }));
}

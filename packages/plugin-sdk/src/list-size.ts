import { Extensions } from 'type-graphql';

/** A level of the territory tree. */
export type TreeLevelName = 'district' | 'street' | 'community' | 'grid';

/**
 * How many items a list field (or a connection's page) can hold at most, for the gateway's
 * cost limit, which otherwise charges a list as a full page:
 * - `{ tree: 'community' }`: the items are nodes of that tree level below the parent object
 *   (or, when the parent is not a tree node, in the caller's districts); the gateway knows
 *   how many exist.
 * - `{ max: n }`: never more than n (e.g. one item per enum value).
 */
export type ListSize = { tree: TreeLevelName } | { max: number };

export const MaxItems = (size: ListSize) => Extensions({ gongzhiListSize: size });

export function listSizeOf(extensions: Record<string, unknown> | null | undefined): ListSize | undefined {
  return (extensions?.gongzhiListSize as ListSize | undefined) ?? undefined;
}

import { Kind, defaultFieldResolver, getNamedType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { badInput } from '@gongzhi/plugin-sdk';

export interface PagingLimits {
  defaultSize: number;
  maxSize: number;
}

/**
 * This gateway's page-size rule, applied once at the edge of every connection field
 * (a `first` argument on a field returning a `…Connection`): an omitted `first` becomes
 * the default, one above the cap is BAD_USER_INPUT. Resolvers and the SDK's paging
 * helpers receive a settled `first`, so two gateways in one process keep their own limits.
 * A field that selects nothing but `totalCount` gets `first: 0`: no rows are fetched for it.
 * Apply before the access rules: the caller's permission is checked first.
 */
export function applyPaging(schema: GraphQLSchema, limits: PagingLimits): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => a.name === 'first') || !getNamedType(field.type).name.endsWith('Connection')) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        const first = settle(args.first, limits);
        return resolve(source, { ...args, first: countOnly(info) ? 0 : first }, ctx, info);
      };
    }
  }
}

function settle(first: unknown, { defaultSize, maxSize }: PagingLimits): number {
  if (first == null) return defaultSize;
  if (!Number.isInteger(first) || (first as number) < 0) throw badInput('first', 'must be a non-negative integer');
  if ((first as number) > maxSize) throw badInput('first', `must be at most ${maxSize}`);
  return first as number;
}

const COUNT_ONLY = new Set(['totalCount', '__typename']);

/** Whether every selection of the field (through fragments) is `totalCount` or `__typename`. */
function countOnly(info: GraphQLResolveInfo): boolean {
  const only = (set: SelectionSetNode | undefined): boolean => !!set && set.selections.every((s) => {
    if (s.kind === Kind.FIELD) return COUNT_ONLY.has(s.name.value);
    if (s.kind === Kind.INLINE_FRAGMENT) return only(s.selectionSet);
    const fragment = info.fragments[s.name.value];
    return !!fragment && only(fragment.selectionSet);
  });
  return info.fieldNodes.every((n) => only(n.selectionSet));
}

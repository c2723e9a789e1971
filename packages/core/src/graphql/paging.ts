import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
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
 * Apply before the access rules: the caller's permission is checked first.
 */
export function applyPaging(schema: GraphQLSchema, limits: PagingLimits): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => a.name === 'first') || !getNamedType(field.type).name.endsWith('Connection')) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => resolve(source, { ...args, first: settle(args.first, limits) }, ctx, info);
    }
  }
}

function settle(first: unknown, { defaultSize, maxSize }: PagingLimits): number {
  if (first == null) return defaultSize;
  if (!Number.isInteger(first) || (first as number) < 0) throw badInput('first', 'must be a non-negative integer');
  if ((first as number) > maxSize) throw badInput('first', `must be at most ${maxSize}`);
  return first as number;
}

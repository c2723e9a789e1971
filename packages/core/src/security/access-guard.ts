import { GraphQLObjectType, defaultFieldResolver, isIntrospectionType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError, accessRuleOf, type AccessRule, type ScopeNode } from '@gongzhi/plugin-sdk';
import type { CoreContext } from '../graphql/core-context';
import { auditedInTransaction } from './mutation-audit';
import { assertProgramReachable, districtOf } from './program-gate';

const ROOTS = ['Query', 'Mutation', 'Subscription'];

/** `Type.field` of every field computed by a resolver method (the ones that read data). */
export function resolvedFields(): Set<string> {
  const md = getMetadataStorage() as unknown as {
    fieldResolvers: { target: Function; getObjectType?: () => Function; schemaName: string }[]; objectTypes: { target: Function; name: string }[];
    resolverClasses: { target: Function; getObjectType?: () => Function | undefined }[];
  };
  const names = new Map(md.objectTypes.map((o) => [o.target, o.name]));
  // a field resolver's own type is set only once a schema was built with its class; its class knows it
  const classType = new Map(md.resolverClasses.map((r) => [r.target, r.getObjectType]));
  const out = new Set<string>();
  for (const f of md.fieldResolvers) {
    const t = f.getObjectType?.() ?? classType.get(f.target)?.();
    const name = t && names.get(t);
    if (name) out.add(`${name}.${f.schemaName}`);
  }
  return out;
}

/** Fields that need a rule: every root field and every resolver-computed object field. */
export function fieldsNeedingRules(schema: GraphQLSchema): { type: string; field: GraphQLField<unknown, unknown>; root: boolean }[] {
  const resolved = resolvedFields();
  const out: { type: string; field: GraphQLField<unknown, unknown>; root: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || isIntrospectionType(type)) continue;
    const root = ROOTS.includes(type.name);
    for (const field of Object.values(type.getFields())) {
      if (root || resolved.has(`${type.name}.${field.name}`)) out.push({ type: type.name, field, root });
    }
  }
  return out;
}

/** The tree node of an object: the scope columns entities carry. */
export function nodeOf(parent: unknown): ScopeNode | null {
  const p = parent as Record<string, string | null> | null;
  if (!p) return null;
  const districtId = p.districtId ?? (p.divisionCode ? (p.id as string) : null);
  if (!districtId) return null;
  return {
    districtId,
    streetId: p.streetId ?? (p.constructor?.name === 'StreetEntity' ? p.id : null),
    communityId: p.communityId ?? (p.constructor?.name === 'CommunityEntity' ? p.id : null),
    gridId: p.gridId ?? (p.constructor?.name === 'GridEntity' ? p.id : null),
    organizationId: p.organizationId ?? null,
  };
}

async function check(rule: AccessRule | undefined, root: boolean, parent: unknown, ctx: CoreContext, where: string, program?: string): Promise<void> {
  if (!rule) throw new ForbiddenError(`${where} declares no access rule`);
  if ('public' in rule) return;
  if (!ctx.actor && !('asParent' in rule)) throw new UnauthenticatedError();
  if (program) gate(program, root, parent, ctx);
  if ('asParent' in rule || 'authenticated' in rule) return;
  const node = root ? null : nodeOf(parent);
  if (node) await ctx.auth.require(rule.requires, node);
  else if (!ctx.auth.hasAnywhere(rule.requires)) throw new ForbiddenError(`Missing permission ${rule.requires}`);
}

/** A program's field: at the root, the program runs in one of the caller's districts; on an object, in the object's district. */
function gate(program: string, root: boolean, parent: unknown, ctx: CoreContext): void {
  if (root) return assertProgramReachable(ctx.services.programs, ctx.auth, program);
  const districtId = districtOf(parent);
  if (districtId) ctx.programs.assertEnabled(program, districtId);
}

/**
 * Each root mutation field in its own savepoint of the request transaction: a field that
 * fails undoes its own writes (and the events it emitted), the others keep theirs.
 */
async function inSavepoint<T>(ctx: CoreContext, fn: () => Promise<T> | T): Promise<T> {
  const em = ctx.em as unknown as import('@mikro-orm/postgresql').EntityManager;
  if (!em.isInTransaction()) return fn();
  await em.execute('savepoint gz_mutation');
  try {
    const result = await fn();
    await em.flush();
    await em.execute('release savepoint gz_mutation');
    return result;
  } catch (e) {
    await em.execute('rollback to savepoint gz_mutation');
    em.clear();
    throw e;
  }
}

/**
 * Wraps only the fields that need a rule (not every field: plain properties stay as
 * they are, so large results pay nothing). Fields without a rule are refused. Every
 * field a program computes (`programOf`, from the plugins' resolver classes) is also
 * behind that program's gate, checked before its resolver reads any argument.
 */
export function applyAccessRules(schema: GraphQLSchema, programOf: Map<string, string> = new Map()): void {
  for (const { type, field, root } of fieldsNeedingRules(schema)) {
    const rule = accessRuleOf(field.extensions as Record<string, unknown>);
    const where = `${type}.${field.name}`;
    const program = programOf.get(where);
    if (type === 'Subscription') {
      const subscribe = field.subscribe;
      field.subscribe = async (parent, args, context, info) => {
        const ctx = context as CoreContext;
        await check(rule, true, parent, ctx, where, program);
        return subscribe!(parent, args, ctx, info);
      };
      continue;
    }
    const resolve = field.resolve ?? defaultFieldResolver;
    if (rule && ('asParent' in rule || 'public' in rule)) {
      // In-memory and synchronous: no async wrapper on fields read once per object.
      if (program) field.resolve = (parent, args, context, info) => (gate(program, root, parent, context as CoreContext), resolve(parent, args, context, info));
      continue;
    }
    const mutation = type === 'Mutation';
    field.resolve = async (parent, args, context, info) => {
      const ctx = context as CoreContext;
      if (!mutation) {
        await check(rule, root, parent, ctx, where, program);
        return resolve(parent, args, ctx, info);
      }
      return auditedInTransaction(ctx, String(info.path.key), field.name, async () => {
        await check(rule, root, parent, ctx, where, program);
        return inSavepoint(ctx, () => resolve(parent, args, ctx, info));
      });
    };
  }
}

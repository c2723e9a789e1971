import { getMetadataStorage } from 'type-graphql';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';

interface RootMeta { target: Function; schemaName: string }
interface FieldResolverMeta { target: Function; schemaName: string }
interface ResolverClassMeta { target: Function; getObjectType?: () => Function | undefined }
interface ObjectTypeMeta { target: Function; name: string }

/**
 * `Type.field` → the program whose resolver class computes it: root fields
 * (`Query.canteens`) and fields a program adds to any type (`Community.canteens`,
 * `Canteen.menus`). Read from the plugins' own resolver classes, so a new field of a
 * program is gated without being listed anywhere.
 */
export function fieldPrograms(plugins: GongzhiPlugin[]): Map<string, string> {
  const md = getMetadataStorage() as unknown as {
    queries: RootMeta[]; mutations: RootMeta[]; subscriptions: RootMeta[];
    fieldResolvers: FieldResolverMeta[]; resolverClasses: ResolverClassMeta[]; objectTypes: ObjectTypeMeta[];
  };
  const program = new Map<Function, string>();
  for (const p of plugins) for (const r of p.resolvers ?? []) program.set(r, p.name);
  const out = new Map<string, string>();
  const roots = [['Query', md.queries], ['Mutation', md.mutations], ['Subscription', md.subscriptions]] as const;
  for (const [root, defs] of roots) {
    for (const d of defs) {
      const p = program.get(d.target);
      if (p) out.set(`${root}.${d.schemaName}`, p);
    }
  }
  const typeOf = new Map(md.resolverClasses.map((r) => [r.target, r.getObjectType]));
  const names = new Map(md.objectTypes.map((o) => [o.target, o.name]));
  for (const f of md.fieldResolvers) {
    const p = program.get(f.target);
    const type = p ? typeOf.get(f.target)?.() : undefined;
    const name = type && names.get(type);
    if (p && name) out.set(`${name}.${f.schemaName}`, p);
  }
  return out;
}

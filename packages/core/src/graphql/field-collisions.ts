import { getMetadataStorage } from 'type-graphql';
import { Community, District, Grid, Node, Resident, SocialOrganization, SocialWorker, Street, type GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { PluginHostError } from '../plugins/plugin-host-error';
import { coreResolvers } from './resolvers';

/** The shared types of the core graph, which plugins extend with fields. */
const coreTypes: Function[] = [Node, District, Street, Community, Grid, Resident, SocialOrganization, SocialWorker];

interface FieldResolverMeta { target: Function; schemaName: string; kind: string }
interface ResolverClassMeta { target: Function; getObjectType?: () => Function }
interface FieldMeta { target: Function; schemaName: string }

/**
 * Refuses, naming both sides, when two plugins add the same field to one type, or a
 * plugin adds a field a core type already has. type-graphql would keep one of them
 * without a word.
 */
export function checkFieldCollisions(plugins: GongzhiPlugin[]): void {
  const md = getMetadataStorage() as unknown as { fieldResolvers: FieldResolverMeta[]; resolverClasses: ResolverClassMeta[]; fields: FieldMeta[] };
  const owner = new Map<Function, string>(coreResolvers.map((r) => [r, 'core']));
  for (const p of plugins) for (const r of p.resolvers ?? []) owner.set(r, p.name);
  const typeOf = new Map(md.resolverClasses.map((r) => [r.target, r.getObjectType]));
  const declaredByCore = (type: Function, field: string) => md.fields.some((f) => f.schemaName === field && coreTypes.includes(f.target) && isA(type, f.target));

  const added = new Map<string, string>();
  for (const fr of md.fieldResolvers) {
    const by = owner.get(fr.target);
    const type = fr.kind === 'external' ? typeOf.get(fr.target)?.() : undefined;
    if (!by || !type) continue;
    const key = `${type.name}.${fr.schemaName}`;
    const prev = added.get(key);
    if (prev && prev !== by) {
      throw new PluginHostError(prev === 'core' || by === 'core'
        ? `Plugin "${prev === 'core' ? by : prev}" adds the field ${key}, which the core already has`
        : `Plugins "${prev}" and "${by}" both add the field ${key}`);
    }
    if (by !== 'core' && coreTypes.includes(type) && declaredByCore(type, fr.schemaName)) {
      throw new PluginHostError(`Plugin "${by}" adds the field ${key}, which the core already has`);
    }
    added.set(key, by);
  }
}

const isA = (type: Function, base: Function) => type === base || Object.prototype.isPrototypeOf.call(base, type);

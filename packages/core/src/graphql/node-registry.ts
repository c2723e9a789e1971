import { GraphQLInterfaceType, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { byId, holdsAt, rowScope, toGlobalId, type GongzhiContext, type NodeDefinition } from '@gongzhi/plugin-sdk';

type Registered = NodeDefinition<{ id: string }> & { program: string | null };

/** Maps GraphQL type names, entity classes and read rules for `node(id:)` and global ids. */
export class NodeRegistry {
  private readonly byTypename = new Map<string, Registered>();
  private readonly byEntity = new Map<Function, string>();

  /** `program`: the plugin declaring the types (null for the core's own). */
  register(defs: NodeDefinition[], program: string | null): void {
    for (const d of defs) {
      if (this.byTypename.has(d.typename)) throw new Error(`Node type "${d.typename}" is registered twice`);
      this.byTypename.set(d.typename, { ...(d as Registered), program });
      this.byEntity.set(d.entity, d.typename);
    }
  }

  typenameOf(value: object): string | undefined {
    for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
      const t = this.byEntity.get(proto.constructor);
      if (t) return t;
    }
    return undefined;
  }

  /**
   * The object when the caller may read it by its type's rule; null when it does not exist
   * or the rule is not met; PROGRAM_NOT_ENABLED (thrown) when its program is off in its district.
   */
  async load(ctx: GongzhiContext, typename: string, id: string): Promise<unknown | null> {
    const def = this.byTypename.get(typename);
    const row = def ? await byId(ctx, def.entity, { refresh: false }).load(id) : null;
    if (!def || !row) return null;
    const { permission, scope, alsoReadableBy } = def.read;
    const node = scope ? await scope(row, ctx) : rowScope(row as never);
    if (def.program) ctx.programs.assertEnabled(def.program, node.districtId);
    const held = await holdsAt(ctx, permission, node);
    return held || (alsoReadableBy && (await alsoReadableBy(row, ctx))) ? row : null;
  }

  /**
   * One place for the Relay conventions: every type implementing `Node` exposes a
   * global id, and `Node` resolves its concrete type from the object's class.
   */
  applyTo(schema: GraphQLSchema): void {
    const node = schema.getType('Node');
    if (!(node instanceof GraphQLInterfaceType)) return;
    node.resolveType = (value: object) => this.typenameOf(value);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || !type.getInterfaces().includes(node)) continue;
      const field = type.getFields().id;
      const name = type.name;
      field.resolve = (source: { id: string }) => toGlobalId(name, source.id);
    }
  }
}

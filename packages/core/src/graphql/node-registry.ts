import { GraphQLInterfaceType, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { toGlobalId, type GongzhiContext, type NodeDefinition } from '@gongzhi/plugin-sdk';

/** Maps GraphQL type names, entity classes and loaders for `node(id:)` and global ids. */
export class NodeRegistry {
  private readonly byTypename = new Map<string, NodeDefinition>();
  private readonly byEntity = new Map<Function, string>();

  register(defs: NodeDefinition[]): void {
    for (const d of defs) {
      if (this.byTypename.has(d.typename)) throw new Error(`Node type "${d.typename}" is registered twice`);
      this.byTypename.set(d.typename, d);
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

  async load(ctx: GongzhiContext, typename: string, id: string): Promise<unknown | null> {
    const def = this.byTypename.get(typename);
    return def ? def.load(ctx, id) : null;
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

import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay `Node`. The gateway resolves `id` to a global id and the concrete type
 * centrally (see the node registry), so types only implement the interface.
 */
@InterfaceType({
  description: '可按全局ID获取的对象 / An object fetchable by global id',
  // Only types reachable from loaded resolvers belong in the graph, not every imported plugin's.
  autoRegisterImplementations: false,
})
export abstract class Node {
  @Field(() => ID, { description: '全局ID / Global id' })
  id!: string;
}

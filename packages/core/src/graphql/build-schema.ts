import { buildSchema } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { coreResolvers } from './resolvers';
import type { NodeRegistry } from './node-registry';

/** The one graph: core resolvers plus those of every loaded plugin. */
export async function buildGatewaySchema(plugins: GongzhiPlugin[], nodes: NodeRegistry): Promise<GraphQLSchema> {
  const resolvers = [...coreResolvers, ...plugins.flatMap((p) => p.resolvers ?? [])];
  const schema = await buildSchema({
    resolvers: resolvers as never,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTimeISO }],
    validate: false,
    // Subscriptions use `subscribe` functions over the event bus; type-graphql still insists on a PubSub.
    pubSub: createPubSub(),
    emitSchemaFile: false,
  });
  nodes.applyTo(schema);
  return schema;
}

export const sdlOf = (schema: GraphQLSchema): string => printSchema(schema) + '\n';

import { buildSchema, getMetadataStorage } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { coreResolvers } from './resolvers';
import type { NodeRegistry } from './node-registry';

/** The one graph: core resolvers plus those of every loaded plugin. */
export async function buildGatewaySchema(plugins: GongzhiPlugin[], nodes: NodeRegistry): Promise<GraphQLSchema> {
  const resolvers = [...coreResolvers, ...plugins.flatMap((p) => p.resolvers ?? [])];
  const schema = await isolated(() => buildSchema({
    resolvers: resolvers as never,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTimeISO }],
    validate: false,
    // Subscriptions use `subscribe` functions over the event bus; type-graphql still insists on a PubSub.
    pubSub: createPubSub(),
    emitSchemaFile: false,
  }));
  nodes.applyTo(schema);
  return schema;
}

export const sdlOf = (schema: GraphQLSchema): string => printSchema(schema) + '\n';

/**
 * type-graphql keeps its metadata globally and a build adds the field resolvers of the
 * resolvers it was given (e.g. a plugin's `Community.canteens`) to the shared type
 * metadata for good. Each build starts from the declared metadata, so a schema holds
 * exactly the fields of the plugins it loads (several gateways or SDL variants per process).
 */
async function isolated<T>(build: () => Promise<T>): Promise<T> {
  const md = getMetadataStorage() as unknown as { fields: unknown[] } & Record<'objectTypes' | 'interfaceTypes' | 'inputTypes' | 'argumentTypes', { fields?: unknown }[]>;
  const declared = [...md.fields];
  for (const t of [...md.objectTypes, ...md.interfaceTypes, ...md.inputTypes, ...md.argumentTypes]) delete t.fields;
  try {
    return await build();
  } finally {
    md.fields = declared;
  }
}

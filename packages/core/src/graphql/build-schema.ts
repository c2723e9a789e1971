import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { coreResolvers } from './resolvers';
import type { NodeRegistry } from './node-registry';
import { checkFieldCollisions } from './field-collisions';

/** The one graph: core resolvers plus those of every loaded plugin. */
export async function buildGatewaySchema(plugins: GongzhiPlugin[], nodes: NodeRegistry): Promise<GraphQLSchema> {
  checkFieldCollisions(plugins);
  const resolvers = [...coreResolvers, ...plugins.flatMap((p) => p.resolvers ?? [])];
  const schema = onPrivateMetadata(() => buildSchemaSync({
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

type Storage = ReturnType<typeof getMetadataStorage>;
// Output types gain plugin fields during a build. Input and argument types only ever hold
// their own declared fields, and type-graphql reads those from the shared store at run time.
const BUILT = ['objectTypes', 'interfaceTypes'] as const;
const TOUCHED = ['fields', 'fieldResolvers', 'queries', 'mutations', 'subscriptions'] as const;

/**
 * type-graphql builds from one process-wide metadata store and writes into the
 * definitions it builds (a plugin's `Community.canteens` would stay on the shared
 * `Community` for good). Each build here runs on its own copy of the declared
 * definitions, swapped in for the duration of a synchronous build: the declarations
 * are never modified, so a schema holds exactly the fields of the plugins it loads,
 * however many gateways or SDL variants one process builds, in any order.
 */
function onPrivateMetadata<T>(build: () => T): T {
  const g = globalThis as { TypeGraphQLMetadataStorage?: Storage };
  const declared = getMetadataStorage();
  const copy = declared.clone() as unknown as Record<string, object[]>;
  for (const key of BUILT) copy[key] = copy[key].map((d) => ({ ...d, fields: undefined }));
  for (const key of TOUCHED) copy[key] = copy[key].map((d) => ({ ...d }));
  g.TypeGraphQLMetadataStorage = copy as unknown as Storage;
  try {
    return build();
  } finally {
    g.TypeGraphQLMetadataStorage = declared;
  }
}

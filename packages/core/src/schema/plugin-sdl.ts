import {
  GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType, GraphQLEnumType, buildSchema, isIntrospectionType, isSpecifiedScalarType,
  printType, type GraphQLSchema, type GraphQLNamedType,
} from 'graphql';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { NodeRegistry } from '../graphql/node-registry';
import { coreNodes } from '../graphql/core-nodes';
import { buildGatewaySchema, sdlOf } from '../graphql/build-schema';

export async function schemaWith(plugins: GongzhiPlugin[]): Promise<GraphQLSchema> {
  const nodes = new NodeRegistry();
  nodes.register(coreNodes, null);
  for (const p of plugins) nodes.register(p.nodes ?? [], p.name);
  return buildGatewaySchema(plugins, nodes);
}

const own = (t: GraphQLNamedType) => !isIntrospectionType(t) && !isSpecifiedScalarType(t);

/** What `plugin` adds to `base`: its own types, and `extend type` blocks for fields it adds to others. */
export function pluginSdl(base: GraphQLSchema, full: GraphQLSchema): string {
  const parts: string[] = [];
  const baseTypes = base.getTypeMap();
  for (const type of Object.values(full.getTypeMap()).filter(own).sort((a, b) => a.name.localeCompare(b.name))) {
    const before = baseTypes[type.name];
    if (!before) {
      parts.push(printType(type));
      continue;
    }
    if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType || type instanceof GraphQLInputObjectType) {
      const old = (before as GraphQLObjectType).getFields();
      const added = Object.values(type.getFields()).filter((f) => !old[f.name]);
      if (!added.length) continue;
      const keyword = type instanceof GraphQLInputObjectType ? 'input' : type instanceof GraphQLInterfaceType ? 'interface' : 'type';
      // Print the full type and keep only the added fields' blocks.
      const printed = printType(type);
      const blocks = fieldBlocks(printed);
      parts.push(`extend ${keyword} ${type.name} {\n${added.map((f) => blocks.get(f.name) ?? `  ${f.name}`).join('\n')}\n}`);
    } else if (type instanceof GraphQLEnumType) {
      const old = new Set((before as GraphQLEnumType).getValues().map((v) => v.name));
      const added = type.getValues().filter((v) => !old.has(v.name));
      if (added.length) parts.push(`extend enum ${type.name} {\n${added.map((v) => `  ${v.name}`).join('\n')}\n}`);
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Field name → its printed lines (description included) inside a printed type. */
function fieldBlocks(printed: string): Map<string, string> {
  const lines = printed.split('\n').slice(1, -1);
  const blocks = new Map<string, string>();
  let pending: string[] = [];
  let depth = 0;
  for (const line of lines) {
    pending.push(line);
    const opens = (line.match(/\(/g) ?? []).length - (line.match(/\)/g) ?? []).length;
    depth += opens;
    const inDescription = pending.filter((l) => l.trim() === '"""').length % 2 === 1;
    if (depth === 0 && !inDescription && !line.trim().startsWith('"')) {
      const name = pending.map((l) => l.trim()).find((l) => /^[A-Za-z_]\w*\s*[(:]/.test(l))?.match(/^([A-Za-z_]\w*)/)?.[1];
      if (name) blocks.set(name, pending.join('\n'));
      pending = [];
    }
  }
  return blocks;
}

/** Rebuilds a whole schema from the core SDL plus plugin SDL fragments (for breaking-change diffs). */
export function assemble(...sdl: string[]): GraphQLSchema {
  return buildSchema(sdl.join('\n'), { assumeValidSDL: true });
}

export { sdlOf };

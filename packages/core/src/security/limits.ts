import {
  GraphQLError, Kind,
  type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type OperationDefinitionNode,
  type SelectionSetNode, type ValidationContext, type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

const limitError = (what: string, actual: number, max: number) =>
  new GraphQLError(`Query ${what} ${actual} exceeds the limit of ${max}`, { extensions: { code: 'QUERY_TOO_COMPLEX', limit: what, max, actual } });

/** Longest `ofType` chain an introspection query may ask (graphql-js's getIntrospectionQuery asks 9). */
export const MAX_OF_TYPE_CHAIN = 16;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Depth, alias, directive and cost limits as validation rules, so they apply the same on
 * HTTP and on graphql-ws. Cost: every field costs 1, times the page size (`first`, or the
 * default) of each paginated field above it.
 * Introspection: `ofType` levels do not count as depth (standard clients ask 7–9 of them, which
 * are cheap: one object each); the chain is capped by MAX_OF_TYPE_CHAIN instead, and nesting
 * of introspection lists (`fields { type { fields …`) by graphql's MaxIntrospectionDepthRule.
 */
export function limitRules(limits: QueryLimits, defaultPageSize: number): ValidationRule[] {
  return [
    (ctx: ValidationContext): ASTVisitor => ({
      OperationDefinition(op: OperationDefinitionNode) {
        const fragments = Object.fromEntries(ctx.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
        const stats = { depth: 0, aliases: 0, directives: op.directives?.length ?? 0, ofType: 0 };
        // ofType: null outside introspection, else the length of the ofType chain ending here.
        const walk = (set: SelectionSetNode, depth: number, seen: Set<string>, ofType: number | null) => {
          for (const sel of set.selections) {
            stats.directives += sel.directives?.length ?? 0;
            if (sel.kind === Kind.FIELD) {
              if (sel.alias) stats.aliases++;
              if (sel.selectionSet) {
                const chain = ofType === null ? (INTROSPECTION_ROOTS.has(sel.name.value) ? 0 : null) : sel.name.value === 'ofType' ? ofType + 1 : 0;
                const below = chain ? depth : depth + 1;
                stats.depth = Math.max(stats.depth, below);
                stats.ofType = Math.max(stats.ofType, chain ?? 0);
                walk(sel.selectionSet, below, seen, chain);
              } else stats.depth = Math.max(stats.depth, depth);
            } else if (sel.kind === Kind.INLINE_FRAGMENT) {
              walk(sel.selectionSet, depth, seen, ofType);
            } else {
              const f = fragments[sel.name.value];
              if (f && !seen.has(f.name.value)) walk(f.selectionSet, depth, new Set([...seen, f.name.value]), ofType);
            }
          }
        };
        walk(op.selectionSet, 1, new Set(), null);
        if (stats.depth > limits.depth) ctx.reportError(limitError('depth', stats.depth, limits.depth));
        if (stats.ofType > MAX_OF_TYPE_CHAIN) ctx.reportError(limitError('ofType chain', stats.ofType, MAX_OF_TYPE_CHAIN));
        if (stats.aliases > limits.aliases) ctx.reportError(limitError('aliases', stats.aliases, limits.aliases));
        if (stats.directives > limits.directives) ctx.reportError(limitError('directives', stats.directives, limits.directives));
      },
    }),
    (ctx: ValidationContext): ASTVisitor => {
      let cost = 0;
      const multipliers: number[] = [1];
      return {
        Field: {
          enter(node: FieldNode) {
            const def = ctx.getFieldDef() as GraphQLField<unknown, unknown> | null;
            const here = multipliers[multipliers.length - 1];
            cost += here;
            let m = here;
            // Paginated fields multiply what is selected below them by their page size.
            if (def?.args.some((a) => a.name === 'first')) {
              const first = node.arguments?.find((a) => a.name.value === 'first');
              const n = first?.value.kind === Kind.INT ? Number(first.value.value) : defaultPageSize;
              m = here * Math.max(1, n);
            }
            multipliers.push(m);
          },
          leave() {
            multipliers.pop();
          },
        },
        Document: {
          leave() {
            if (cost > limits.cost) ctx.reportError(limitError('cost', cost, limits.cost));
          },
        },
      };
    },
  ];
}

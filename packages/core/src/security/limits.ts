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

/**
 * Depth, alias, directive and cost limits as validation rules, so they apply the same on
 * HTTP and on graphql-ws. Cost: every field costs 1, times the page size (`first`, or the
 * default) of each paginated field above it.
 */
export function limitRules(limits: QueryLimits, defaultPageSize: number): ValidationRule[] {
  return [
    (ctx: ValidationContext): ASTVisitor => ({
      OperationDefinition(op: OperationDefinitionNode) {
        const fragments = Object.fromEntries(ctx.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
        const stats = { depth: 0, aliases: 0, directives: op.directives?.length ?? 0 };
        const walk = (set: SelectionSetNode, depth: number, seen: Set<string>) => {
          for (const sel of set.selections) {
            stats.directives += sel.directives?.length ?? 0;
            if (sel.kind === Kind.FIELD) {
              if (sel.alias) stats.aliases++;
              if (sel.selectionSet) {
                stats.depth = Math.max(stats.depth, depth + 1);
                walk(sel.selectionSet, depth + 1, seen);
              } else stats.depth = Math.max(stats.depth, depth);
            } else if (sel.kind === Kind.INLINE_FRAGMENT) {
              walk(sel.selectionSet, depth, seen);
            } else {
              const f = fragments[sel.name.value];
              if (f && !seen.has(f.name.value)) walk(f.selectionSet, depth, new Set([...seen, f.name.value]));
            }
          }
        };
        walk(op.selectionSet, 1, new Set());
        if (stats.depth > limits.depth) ctx.reportError(limitError('depth', stats.depth, limits.depth));
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

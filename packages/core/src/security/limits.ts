import {
  GraphQLError, Kind,
  type ASTVisitor, type FragmentDefinitionNode, type OperationDefinitionNode,
  type SelectionSetNode, type ValidationContext, type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  /** Checked per request with the variables (query-cost.ts), not as a validation rule. */
  cost: number;
}

/** QUERY_TOO_COMPLEX with the rule and its numbers. */
export const limitError = (what: string, actual: number, max: number) =>
  new GraphQLError(`Query ${what} ${actual} exceeds the limit of ${max}`, { extensions: { code: 'QUERY_TOO_COMPLEX', limit: what, max, actual } });

/** Longest `ofType` chain an introspection query may ask (graphql-js's getIntrospectionQuery asks 9). */
export const MAX_OF_TYPE_CHAIN = 16;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Depth, alias and directive limits as validation rules, so they apply the same on HTTP and
 * on graphql-ws. They depend on the document alone, so validated documents may be cached;
 * the cost depends on the variables too and is checked per request (query-cost.ts).
 * Introspection: `ofType` levels do not count as depth (standard clients ask 7–9 of them, which
 * are cheap: one object each); the chain is capped by MAX_OF_TYPE_CHAIN instead, and nesting
 * of introspection lists (`fields { type { fields …`) by graphql's MaxIntrospectionDepthRule.
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
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
  ];
}

import {
  GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getArgumentValues, getDirectiveValues, getNamedType, getOperationAST,
  getVariableValues, isCompositeType, isUnionType, SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLError, type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { limitError } from './limits';

export interface CostOptions {
  /** `first` when omitted. */
  defaultPageSize: number;
  /** Largest `first` a connection accepts (beyond it the field fails, fetching nothing). */
  maxPageSize: number;
}

type Variables = Record<string, unknown>;

/** An operation as a transport received it: the (cached) document and this request's variables. */
export interface PricedOperation {
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Variables | null | undefined;
}

/**
 * What an operation costs with the values it will run with: every field costs 1, times the
 * page size (`first`, or the default) of each paginated field above it. Computed per request
 * from the coerced variables, so `first: $n` costs what `first: 100` costs; null when the
 * variables do not coerce (execution then refuses the operation before any resolver runs).
 * Linear in the document: a fragment's cost is computed once per page factor, not per spread.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: Variables | null | undefined, opts: CostOptions): number | null {
  const op = getOperationAST(document, operationName);
  if (!op) return null;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const memo = new Map<string, number>();
  const included = (node: FieldNode | { directives?: FieldNode['directives'] }) =>
    !getDirectiveValues(GraphQLSkipDirective, node, variables)?.if && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

  /** Cost of a selection set on `type`, per unit multiplier (cost is linear in it). */
  const setCost = (set: SelectionSetNode, type: GraphQLCompositeType, seen: ReadonlySet<string>): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) cost += fieldCost(sel, type, seen);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (isCompositeType(on)) cost += setCost(sel.selectionSet, on, seen);
      } else {
        const name = sel.name.value;
        const f = fragments.get(name);
        const on = f && schema.getType(f.typeCondition.name.value);
        if (!f || seen.has(name) || !isCompositeType(on)) continue;
        let c = memo.get(name);
        if (c === undefined) memo.set(name, (c = setCost(f.selectionSet, on, new Set([...seen, name]))));
        cost += c;
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, seen: ReadonlySet<string>): number => {
    const def = fieldDef(parent, node.name.value);
    if (!def || !node.selectionSet) return 1;
    const below = getNamedType(def.type);
    if (!isCompositeType(below)) return 1;
    let multiplier = 1;
    if (def.args.some((a) => a.name === 'first')) {
      const first = getArgumentValues(def, node, variables).first as number | null | undefined;
      multiplier = Math.max(1, Math.min(first ?? opts.defaultPageSize, opts.maxPageSize));
    }
    return 1 + multiplier * setCost(node.selectionSet, below, seen);
  };

  const root = schema.getRootType(op.operation);
  return root ? setCost(op.selectionSet, root, new Set()) : null;
}

/** The field's definition on `parent`, introspection's meta fields included. */
function fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isUnionType(parent) ? undefined : parent.getFields()[name];
}

/** The cost limit, checked per request: QUERY_TOO_COMPLEX over it. */
export function checkCost(cost: number | null, max: number): GraphQLError | null {
  return cost !== null && cost > max ? limitError('cost', cost, max) : null;
}

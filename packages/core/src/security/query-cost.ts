import {
  GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getArgumentValues, getDirectiveValues, getNamedType, getOperationAST,
  getNullableType, getVariableValues, isCompositeType, isIntrospectionType, isListType, isUnionType, SchemaMetaFieldDef, TypeMetaFieldDef, TypeNameMetaFieldDef,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export interface CostOptions {
  /** `first` when omitted. */
  defaultPageSize: number;
  /** Largest `first` a connection accepts (beyond it the field fails, fetching nothing). */
  maxPageSize: number;
  /** At most how many items a list field, or a paginated field's page, can hold; undefined: unknown. */
  itemsAtMost?: (field: Field, parent: GraphQLCompositeType) => number | undefined;
}

type Field = GraphQLField<unknown, unknown>;

type Variables = Record<string, unknown>;

/** An operation as a transport received it: the (cached) document and this request's variables. */
export interface PricedOperation {
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Variables | null | undefined;
}

/**
 * What an operation costs with the values it will run with, charging what each field costs:
 * every field 1, times how many of it the lists above it can hold. A list of objects holds a
 * page: under a paginated field (`first`) that page, else a default page; either is capped
 * by what the field can hold at most (`opts.itemsAtMost`: tree sizes in the caller's scope,
 * sizes declared on the field). So a connection asked for `totalCount` alone costs 2, not a
 * page, and `pageInfo` is charged once. Introspection's lists count once (the schema bounds
 * them; depth rules bound their nesting).
 * Computed per request from the coerced variables, so `first: $n` costs what `first: 100`
 * costs; null when the variables do not coerce (execution then refuses the operation before
 * any resolver runs). Linear in the document: each fragment is priced once per page.
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
  const atMost = (def: Field, parent: GraphQLCompositeType) => opts.itemsAtMost?.(def, parent) ?? Infinity;

  /**
   * Cost of a selection set on `type`, per unit multiplier (cost is linear in it). `page`: the
   * page of the paginated field this set belongs to, which its list fields hold.
   */
  const setCost = (set: SelectionSetNode, type: GraphQLCompositeType, page: number | null): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) cost += fieldCost(sel, type, page);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (isCompositeType(on)) cost += setCost(sel.selectionSet, on, page);
      } else {
        const f = fragments.get(sel.name.value);
        const on = f && schema.getType(f.typeCondition.name.value);
        if (!f || !isCompositeType(on)) continue; // validation refused cycles and unknown fragments
        const key = `${f.name.value}:${page}`;
        let c = memo.get(key);
        if (c === undefined) memo.set(key, (c = setCost(f.selectionSet, on, page)));
        cost += c;
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, page: number | null): number => {
    const def = fieldDef(parent, node.name.value);
    if (!def || !node.selectionSet) return 1;
    const below = getNamedType(def.type);
    if (!isCompositeType(below)) return 1;
    let ownPage: number | null = null;
    if (def.args.some((a) => a.name === 'first')) {
      const first = getArgumentValues(def, node, variables).first as number | null | undefined;
      ownPage = Math.min(Math.max(0, first ?? opts.defaultPageSize), opts.maxPageSize, atMost(def, parent));
    }
    const isList = isListType(getNullableType(def.type));
    let items = 1;
    if (isList && !isIntrospectionType(parent)) items = ownPage ?? page ?? Math.min(opts.defaultPageSize, atMost(def, parent));
    return 1 + items * setCost(node.selectionSet, below, isList ? null : ownPage);
  };

  const root = schema.getRootType(op.operation);
  return root ? setCost(op.selectionSet, root, null) : null;
}

/** The field's definition on `parent`, introspection's meta fields included. */
function fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isUnionType(parent) ? undefined : parent.getFields()[name];
}

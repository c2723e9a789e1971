import type { GraphQLCompositeType, GraphQLError, GraphQLField, GraphQLSchema } from 'graphql';
import { listSizeOf } from '@gongzhi/plugin-sdk';
import { LEVEL_OF } from '../services/tree.service';
import { limitError } from './limits';
import { operationCost, type CostOptions, type PricedOperation } from './query-cost';
import type { ScopeSizes, TreeSizes } from './tree-sizes';

/**
 * The cost limit of one operation. Priced first with the sizes fields declare (`{ max }`);
 * only when that is over the limit are the tree sizes of the caller's districts looked up
 * (cached), so lists of tree nodes cost what exists, not a page each.
 */
export class CostLimit {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly opts: Omit<CostOptions, 'itemsAtMost'> & { max: number },
    private readonly trees: TreeSizes,
  ) {}

  async check(districts: '*' | string[], op: PricedOperation): Promise<GraphQLError | null> {
    const price = (sizes: ScopeSizes | null) => operationCost(this.schema, op.document, op.operationName, op.variables, { ...this.opts, itemsAtMost: itemsAtMost(sizes) });
    let cost = price(null);
    if (cost !== null && cost > this.opts.max) cost = price(await this.trees.forScope(districts));
    return cost !== null && cost > this.opts.max ? limitError('cost', cost, this.opts.max) : null;
  }
}

/** What a field declares it can hold (MaxItems), tree levels read from `sizes`. */
function itemsAtMost(sizes: ScopeSizes | null) {
  return (field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType): number | undefined => {
    const size = listSizeOf(field.extensions);
    if (!size) return undefined;
    if ('max' in size) return size.max;
    return sizes?.under(LEVEL_OF[parent.name] ?? 'scope', size.tree);
  };
}

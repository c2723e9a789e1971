import { Arg, ID } from '@gongzhi/plugin-sdk';

/** The `scope` argument of lists and figures: the id of a District, Street or Community. */
export const ScopeArg = () =>
  Arg('scope', () => ID, { description: 'District、Street 或 Community 的ID / Id of a District, Street or Community' });

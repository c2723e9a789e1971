import { badInput, decodeId, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { OperatorKind } from '../graphql/dining-enums.type';

export interface OperatorInput {
  operatorKind: OperatorKind;
  operatorOrganizationId?: string | null;
  operatorName?: string | null;
}

export interface Operator {
  operatorKind: OperatorKind;
  operatorOrganizationId: string | null;
  operatorName: string;
}

/**
 * A kitchen's or canteen's operator: a social organisation of the same district (its name by
 * default), or a company named in the input.
 */
export async function resolveOperator(ctx: GongzhiContext, districtId: string, input: OperatorInput, path = 'input'): Promise<Operator> {
  const name = input.operatorName?.trim() || null;
  if (input.operatorKind === OperatorKind.SOCIAL_ORGANIZATION) {
    if (!input.operatorOrganizationId) throw badInput(`${path}.operatorOrganizationId`, 'is required for a social organisation');
    const orgId = decodeId(input.operatorOrganizationId, 'SocialOrganization');
    const org = await ctx.core.socialOrganization(orgId);
    if (!org || org.districtId !== districtId) throw badInput(`${path}.operatorOrganizationId`, 'is not a social organisation of this district');
    return { operatorKind: input.operatorKind, operatorOrganizationId: orgId, operatorName: name ?? org.name };
  }
  if (input.operatorOrganizationId) throw badInput(`${path}.operatorOrganizationId`, 'must be empty for a company');
  if (!name) throw badInput(`${path}.operatorName`, 'is required for a company');
  return { operatorKind: input.operatorKind, operatorOrganizationId: null, operatorName: name };
}

export function requireName(value: string | null | undefined, field: string): string {
  const v = value?.trim();
  if (!v) throw badInput(field, 'must not be empty');
  if (v.length > 200) throw badInput(field, 'must be at most 200 characters');
  return v;
}

import { badInput, decodeId, keysetPage, type ConnectionValue, type GongzhiContext, requireAt, permittedWhere } from '@gongzhi/plugin-sdk';
import { CentralKitchen } from '../entities/central-kitchen.entity';
import type { CreateCentralKitchenInput } from '../graphql/kitchen.input';
import { perms } from '../permissions';
import { PROGRAM } from '../program';
import { requireName, resolveOperator } from './operator.service';

export async function createKitchen(ctx: GongzhiContext, input: CreateCentralKitchenInput): Promise<CentralKitchen> {
  const districtId = decodeId(input.districtId, 'District');
  let streetId: string | null = null;
  if (input.streetId) {
    streetId = decodeId(input.streetId, 'Street');
    const street = await ctx.core.street(streetId);
    if (!street || street.districtId !== districtId) throw badInput('input.streetId', 'is not a street of this district');
  }
  await requireAt(ctx, perms['kitchen:manage'], { districtId, streetId });
  const name = requireName(input.name, 'input.name');
  const operator = await resolveOperator(ctx, districtId, input);
  const kitchen = ctx.em.create(CentralKitchen, { districtId, streetId, name, address: input.address ?? null, ...operator });
  await ctx.em.persistAndFlush(kitchen);
  return kitchen;
}

export async function listKitchens(ctx: GongzhiContext, districtGlobalId: string, first?: number | null, after?: string | null): Promise<ConnectionValue<CentralKitchen>> {
  const districtId = decodeId(districtGlobalId, 'District');
  ctx.programs.assertEnabled(PROGRAM, districtId);
  const visible = permittedWhere(ctx, perms['canteen:read'], { district: 'districtId', street: 'streetId' });
  return keysetPage<CentralKitchen>(ctx.em, CentralKitchen, { where: { $and: [{ districtId }, visible] } as never, first, after });
}

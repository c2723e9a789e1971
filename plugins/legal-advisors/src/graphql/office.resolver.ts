import {
  Arg, Args, AsParent, Connection, Ctx, FieldResolver, ID, Mutation, PageArgs, Query, Requires, Resolver, Root,
  decodeId, keysetPage, NotFoundError, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalOffice } from '../entities/legal-office.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { perms } from '../permissions';
import { allow } from '../services/access';
import { createOffice } from '../services/offices.service';
import { CreateLegalOfficeInput } from './advisor.input';

const LegalOfficeConnection = Connection(LegalOffice, 'LegalOffice');

@Resolver(() => LegalOffice)
export class LegalOfficeResolver {
  @Requires(perms['advisor:read'])
  @Query(() => LegalOfficeConnection, { description: '区内法律服务机构 / Legal-service offices of a district' })
  async legalOffices(@Arg('districtId', () => ID, { description: '区 / District' }) districtId: string, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    const id = decodeId(districtId, 'District');
    if (!(await ctx.core.district(id))) throw new NotFoundError('District');
    await allow(ctx, perms['advisor:read'], { districtId: id });
    return keysetPage<LegalOffice>(ctx.em, LegalOffice, { where: { districtId: id }, sortBy: 'name', first: page.first, after: page.after });
  }

  @Requires(perms['advisor:manage'])
  @Mutation(() => LegalOffice, { description: '新建法律服务机构 / Create a legal-service office' })
  createLegalOffice(@Arg('input', () => CreateLegalOfficeInput) input: CreateLegalOfficeInput, @Ctx() ctx: GongzhiContext) {
    return createOffice(ctx, input);
  }

  @AsParent()
  @FieldResolver(() => [Lawyer], { description: '律师 / Lawyers of the office' })
  lawyers(@Root() office: LegalOffice, @Ctx() ctx: GongzhiContext) {
    return ctx.loader<string, Lawyer[]>('legal-advisors:lawyers-by-office', async (ids) => {
      const found = await ctx.em.find(Lawyer, { officeId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
      return ids.map((id) => found.filter((l) => l.officeId === id));
    }).load(office.id);
  }
}

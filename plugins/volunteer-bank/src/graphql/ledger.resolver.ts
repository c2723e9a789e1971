import {
  Arg, Args, AsParent, Ctx, FieldResolver, GongzhiContext, ID, Int, Mutation, PageArgs, Query, Requires, Resolver,
  Root, decodeId, loadById, requireAt, treeScopeOf,
} from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { PointsAccount } from '../entities/account.entity';
import { CharityStore } from '../entities/store.entity';
import { PointsTransfer } from '../entities/transfer.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { perms } from '../permissions';
import { derivedIssuanceBalance, issuanceAccount } from '../services/ledger.service';
import { depositHours, useBankedHours, grantPoints, reverseTransfer, transferToFamily } from '../services/points.service';
import { statement } from '../services/statement.service';
import { AccountKind, LedgerUnit } from './enums.type';
import { DepositServiceHoursInput, UseBankedHoursInput, GrantPointsInput, ReversePointsTransferInput, TransferPointsToFamilyInput } from './ledger.input';
import { PointsTransferPayload } from './payloads.type';
import { StatementConnection } from './statement.type';

const payload = (transfer: PointsTransfer): PointsTransferPayload => ({ transfer });

@Resolver(() => PointsAccount)
export class PointsAccountResolver {
  @Requires(perms['ledger:read'])
  @Query(() => PointsAccount, { description: '区积分发行账户 / The district issuance account' })
  async districtIssuanceAccount(
    @Arg('district', () => ID) districtId: string,
    @Arg('unit', () => LedgerUnit, { defaultValue: LedgerUnit.POINTS }) unit: LedgerUnit,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await treeScopeOf(ctx, districtId, 'district');
    await requireAt(ctx, perms['ledger:read'], { districtId: scope.districtId });
    const ref = await issuanceAccount(ctx.em, scope.districtId, unit);
    return loadById(ctx, PointsAccount, ref.id);
  }

  @AsParent()
  @FieldResolver(() => Int, { description: '余额（发行账户为负数：已发行总量）/ Balance (issuance: minus what was issued)' })
  balance(@Root() a: PointsAccount, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, a.districtId);
    return a.kind === AccountKind.ISSUANCE ? derivedIssuanceBalance(ctx.em, a.id) : a.balance;
  }

  @Requires(perms['ledger:read'])
  @FieldResolver(() => StatementConnection, { description: '对账单（新到旧，含变动后余额）/ Statement, newest first, with running balance' })
  async statement(@Root() a: PointsAccount, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    await requireAt(ctx, perms['ledger:read'], { districtId: a.districtId });
    return statement(ctx.em, a, page.first, page.after);
  }

  @AsParent()
  @FieldResolver(() => Volunteer, { nullable: true, description: '志愿者（志愿者账户）/ Owner, for volunteer accounts' })
  volunteer(@Root() a: PointsAccount, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, a.districtId);
    return a.volunteerId ? loadById(ctx, Volunteer, a.volunteerId) : null;
  }

  @AsParent()
  @FieldResolver(() => CharityStore, { nullable: true, description: '爱心超市（超市账户）/ Owner, for store accounts' })
  store(@Root() a: PointsAccount, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, a.districtId);
    return a.storeId ? loadById(ctx, CharityStore, a.storeId) : null;
  }
}

@Resolver(() => PointsTransfer)
export class PointsTransferResolver {
  @Requires(perms['ledger:credit'])
  @Mutation(() => PointsTransferPayload, { description: '发放积分（幂等）/ Grant points (idempotent)' })
  async grantPoints(@Arg('input') input: GrantPointsInput, @Ctx() ctx: GongzhiContext) {
    return payload(await grantPoints(ctx, decodeId(input.volunteerId, 'Volunteer'), input.amount, input.memo ?? null, input.idempotencyKey));
  }

  @Requires(perms['ledger:reverse'])
  @Mutation(() => PointsTransferPayload, { description: '冲正转账（幂等）/ Reverse a transfer (idempotent)' })
  async reversePointsTransfer(@Arg('input') input: ReversePointsTransferInput, @Ctx() ctx: GongzhiContext) {
    return payload(await reverseTransfer(ctx, decodeId(input.transferId, 'PointsTransfer'), input.reason, input.idempotencyKey));
  }

  @Requires(perms['ledger:transfer'])
  @Mutation(() => PointsTransferPayload, { description: '向家人转赠积分（幂等）/ Transfer points to family (idempotent)' })
  async transferPointsToFamily(@Arg('input') input: TransferPointsToFamilyInput, @Ctx() ctx: GongzhiContext) {
    return payload(await transferToFamily(ctx, decodeId(input.fromVolunteerId, 'Volunteer'), decodeId(input.toVolunteerId, 'Volunteer'),
      input.amount, input.relation, input.idempotencyKey));
  }

  @Requires(perms['ledger:transfer'])
  @Mutation(() => PointsTransferPayload, { description: '存入时间银行（幂等）/ Bank service minutes (idempotent)' })
  async depositServiceHours(@Arg('input') input: DepositServiceHoursInput, @Ctx() ctx: GongzhiContext) {
    return payload(await depositHours(ctx, decodeId(input.volunteerId, 'Volunteer'), input.minutes, input.idempotencyKey));
  }

  @Requires(perms['ledger:transfer'])
  @Mutation(() => PointsTransferPayload, { description: '支取时间银行换取服务（幂等）/ Use banked minutes for care (idempotent)' })
  async useBankedHours(@Arg('input') input: UseBankedHoursInput, @Ctx() ctx: GongzhiContext) {
    return payload(await useBankedHours(ctx, decodeId(input.volunteerId, 'Volunteer'), input.minutes, input.purpose, input.idempotencyKey));
  }

  @AsParent()
  @FieldResolver(() => PointsAccount, { description: '转出账户 / Debited account' })
  from(@Root() t: PointsTransfer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return loadById(ctx, PointsAccount, t.fromAccountId);
  }

  @AsParent()
  @FieldResolver(() => PointsAccount, { description: '转入账户 / Credited account' })
  to(@Root() t: PointsTransfer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return loadById(ctx, PointsAccount, t.toAccountId);
  }

  @AsParent()
  @FieldResolver(() => Int, { nullable: true, description: '转出账户变动后余额 / Debited account balance after' })
  fromBalanceAfter(@Root() t: PointsTransfer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return t.fromBalanceAfter;
  }

  @AsParent()
  @FieldResolver(() => Int, { nullable: true, description: '转入账户变动后余额 / Credited account balance after' })
  toBalanceAfter(@Root() t: PointsTransfer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return t.toBalanceAfter;
  }

  @AsParent()
  @FieldResolver(() => PointsTransfer, { nullable: true, description: '被冲正的转账 / The transfer this one reverses' })
  reversalOf(@Root() t: PointsTransfer, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, t.districtId);
    return t.reversalOf ? loadById(ctx, PointsTransfer, t.reversalOf) : null;
  }
}

import { Field, ID, InputType, LocalDate } from '@gongzhi/plugin-sdk';
import { WishCategory } from './enums.type';

@InputType({ description: '登记微心愿 / Record a micro-wish' })
export class RecordMicroWishInput {
  @Field(() => ID, { description: '许愿居民 / Resident' }) residentId!: string;
  @Field(() => WishCategory) category!: WishCategory;
  @Field({ description: '心愿内容 / Description' }) description!: string;
  @Field(() => LocalDate, { description: '期望实现日期 / Requested by' }) requestedBy!: string;
}

@InputType({ description: '认领微心愿 / Claim a micro-wish' })
export class ClaimMicroWishInput {
  @Field(() => ID) wishId!: string;
  @Field(() => ID, { description: '认领志愿者（获得积分）/ Claiming volunteer (earns the points)' }) volunteerId!: string;
  @Field(() => ID, { nullable: true, description: '代表志愿服务队 / On behalf of a team' }) teamId?: string | null;
  @Field(() => ID, { nullable: true, description: '代表社会组织 / On behalf of an organisation' }) organizationId?: string | null;
}

@InputType({ description: '标记心愿已实现 / Mark a wish fulfilled' })
export class FulfilMicroWishInput {
  @Field(() => ID) wishId!: string;
}

@InputType({ description: '确认微心愿 / Confirm a wish (credits points)' })
export class ConfirmMicroWishInput {
  @Field(() => ID) wishId!: string;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}

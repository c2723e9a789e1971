import { DateTimeISO, Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';
import { ActivityCategory } from './enums.type';

@InputType({ description: '发布微行动 / Post an activity' })
export class PostVolunteerActivityInput {
  @Field(() => ID, { description: '发布社区 / Community' }) communityId!: string;
  @Field(() => ID, { nullable: true, description: '承办社会组织 / Organisation' }) organizationId?: string | null;
  @Field({ description: '标题 / Title' }) title!: string;
  @Field(() => ActivityCategory) category!: ActivityCategory;
  @Field({ description: '地点 / Place' }) place!: string;
  @Field(() => DateTimeISO) startsAt!: Date;
  @Field(() => DateTimeISO) endsAt!: Date;
  @Field(() => Int, { description: '名额 / Capacity' }) capacity!: number;
}

@InputType({ description: '报名 / Sign up for an activity' })
export class SignUpForActivityInput {
  @Field(() => ID) activityId!: string;
  @Field(() => ID) volunteerId!: string;
}

@InputType({ description: '退出报名 / Withdraw a sign-up' })
export class WithdrawSignUpInput {
  @Field(() => ID) signUpId!: string;
}

@InputType({ description: '签到或签退 / Check in or out' })
export class AttendanceInput {
  @Field(() => ID) signUpId!: string;
  @Field(() => DateTimeISO, { nullable: true, description: '时间，默认现在 / Time, default now' }) at?: Date | null;
}

@InputType({ description: '核定服务时长 / Verify service hours' })
export class VerifyServiceHoursInput {
  @Field(() => ID) signUpId!: string;
  @Field(() => Int, { nullable: true, description: '核定分钟，默认签到签退时长 / Minutes, default the recorded time' }) minutes?: number | null;
  @Field(() => String, { nullable: true, description: '调整理由（调整时必填）/ Reason (required when adjusting)' }) reason?: string | null;
  @Field({ description: '幂等键 / Idempotency key' }) idempotencyKey!: string;
}

import { DateTimeISO, Entity, Field, Int, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { SignUpStatus } from '../graphql/enums.type';

@Entity({ tableName: 'vb_sign_up' })
@ObjectType({ implements: Node, description: '活动报名 / Sign-up for an activity' })
export class ActivitySignUp extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) activityId!: string;
  @Property({ type: 'uuid' }) volunteerId!: string;

  @Field(() => SignUpStatus, { description: '状态 / Status' })
  @Property({ type: 'text' }) status!: SignUpStatus;

  @Field(() => DateTimeISO, { description: '报名时间 / Signed up at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) signedUpAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: '签到时间 / Checked in at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) checkedInAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: '签退时间 / Checked out at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) checkedOutAt!: Date | null;

  @Field(() => Int, { nullable: true, description: '核定服务分钟 / Verified minutes' })
  @Property({ type: 'integer', nullable: true }) verifiedMinutes!: number | null;

  @Field(() => String, { nullable: true, description: '时长调整理由 / Reason for adjusting hours' })
  @Property({ type: 'text', nullable: true }) adjustmentReason!: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: '核定时间 / Verified at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) verifiedAt!: Date | null;

  @Property({ type: 'text', nullable: true }) verificationKey!: string | null;
  @Property({ type: 'text', nullable: true }) verificationFingerprint!: string | null;
}

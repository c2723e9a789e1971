import { randomUUID } from 'node:crypto';
import { BigIntType, DateTimeISO, Entity, Enum, Field, ID, Int, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { ApplicationStatus, VentureCategory } from '../graphql/grant-enums.type';

/**
 * A social organisation's project proposal to a round. `totalFen` is the sum of its budget
 * lines, written by the database from them and never above `capFen` (the round's cap, copied).
 */
@Entity({ tableName: 'vg_application' })
@ObjectType({ implements: Node, description: '公益创投项目申报 / An organisation\'s application to a round' })
export class VentureApplication {
  [OptionalProps]?: 'id' | 'createdAt' | 'status' | 'totalFen' | 'submittedAt' | 'withdrawnAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) roundId!: string;
  @Property({ type: 'uuid' }) organizationId!: string;
  @Field({ description: '项目名称 / Project title' }) @Property({ type: 'text' }) title!: string;
  @Field(() => VentureCategory, { description: '类别 / Category' }) @Enum({ items: () => VentureCategory, type: 'text' }) category!: VentureCategory;
  @Field({ description: '项目简介 / What the project does' }) @Property({ type: 'text' }) summary!: string;
  @Field(() => Int, { description: '预计受益人数 / Expected beneficiaries' }) @Property({ type: 'int' }) expectedBeneficiaries!: number;
  @Field(() => ApplicationStatus, { description: '状态 / State' }) @Enum({ items: () => ApplicationStatus, type: 'text' }) status: ApplicationStatus = ApplicationStatus.DRAFT;
  @Field(() => Int, { description: '轮次单项上限（分）/ The round\'s cap per project, in fen' }) @Property({ type: new BigIntType('number') }) capFen!: number;
  @Field(() => Int, { description: '预算合计（分）/ Budget total in fen' }) @Property({ type: new BigIntType('number') }) totalFen: number = 0;
  @Property({ type: 'uuid' }) createdByAccountId!: string;
  @Field(() => DateTimeISO, { description: '创建时间 / Drafted at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field(() => DateTimeISO, { nullable: true, description: '提交时间 / Submitted at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) submittedAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '撤回时间 / Withdrawn at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) withdrawnAt: Date | null = null;
}

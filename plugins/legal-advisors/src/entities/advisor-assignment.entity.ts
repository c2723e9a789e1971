import { randomUUID } from 'node:crypto';
import { Entity, Field, ID, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/**
 * A lawyer's term as a community's legal advisor: `[startsOn, endsOn)`, open when `endsOn`
 * is null. The database refuses overlapping terms of one community (`la_assignment_one_advisor`).
 */
@Entity({ tableName: 'la_assignment' })
@ObjectType({ implements: Node, description: '法律顾问聘任期 / A lawyer\'s term as a community\'s legal advisor' })
export class AdvisorAssignment {
  [OptionalProps]?: 'id' | 'createdAt' | 'endsOn' | 'endReason';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) lawyerId!: string;
  @Field({ description: '起始日期 / First day (YYYY-MM-DD)' }) @Property({ type: 'date', columnType: 'date' }) startsOn!: string;
  @Field(() => String, { nullable: true, description: '结束日期（不含）/ Day the term ends, exclusive; null while open' })
  @Property({ type: 'date', columnType: 'date', nullable: true }) endsOn: string | null = null;
  @Field(() => String, { nullable: true, description: '结束原因 / Why the term ended' })
  @Property({ type: 'text', nullable: true }) endReason: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

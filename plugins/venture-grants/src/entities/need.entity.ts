import { randomUUID } from 'node:crypto';
import { DateTimeISO, Entity, Enum, Field, ID, Int, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { NeedPriority, NeedStatus, VentureCategory } from '../graphql/grant-enums.type';

/**
 * A need found in a community for a round: recorded by a resident for themselves or by a
 * community worker, supported by neighbours, assessed by workers (priority, duplicates merged).
 * Who recorded it is not shown: only whether a resident did.
 */
@Entity({ tableName: 'vg_need' })
@ObjectType({ implements: Node, description: '居民需求 / A need found in a community' })
export class VentureNeed {
  [OptionalProps]?: 'id' | 'createdAt' | 'residentId' | 'recordedByAccountId' | 'priority' | 'assessedByAccountId' | 'assessedAt' | 'status' | 'mergedIntoId' | 'supportCount' | 'byResident';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) roundId!: string;
  @Field(() => VentureCategory, { description: '类别 / Category' }) @Enum({ items: () => VentureCategory, type: 'text' }) category!: VentureCategory;
  @Field({ description: '需求描述 / What is needed' }) @Property({ type: 'text' }) description!: string;
  @Property({ type: 'uuid', nullable: true }) residentId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) recordedByAccountId: string | null = null;
  @Field(() => NeedPriority, { nullable: true, description: '评估优先级 / Priority, once assessed' })
  @Enum({ items: () => NeedPriority, type: 'text', nullable: true }) priority: NeedPriority | null = null;
  @Property({ type: 'uuid', nullable: true }) assessedByAccountId: string | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '评估时间 / When it was assessed' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) assessedAt: Date | null = null;
  @Field(() => NeedStatus, { description: '状态 / State' }) @Enum({ items: () => NeedStatus, type: 'text' }) status: NeedStatus = NeedStatus.OPEN;
  @Property({ type: 'uuid', nullable: true }) mergedIntoId: string | null = null;
  @Field(() => Int, { description: '附议人数 / Residents supporting it' }) @Property({ type: 'int' }) supportCount: number = 0;
  @Field(() => DateTimeISO, { description: '提出时间 / Recorded at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();

  @Field({ description: '是否由居民本人提出 / Recorded by a resident themselves' })
  get byResident(): boolean {
    return this.residentId !== null;
  }
}

import { randomUUID } from 'node:crypto';
import { BigIntType, DateTimeISO, Entity, Enum, Field, ID, Int, Node, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { VentureCategory, VentureRoundLevel, VentureRoundPhase } from '../graphql/grant-enums.type';

/**
 * A funding round (公益创投轮次) run at a district, street or community: what it may spend,
 * what one project may get, which "6+1" categories it funds and which phase it is in.
 * Money is integer fen (bigint in the database; a round's figures fit a GraphQL Int).
 */
@Entity({ tableName: 'vg_round' })
@ObjectType({ implements: Node, description: '公益创投轮次 / A venture-grants funding round' })
export class VentureRound {
  [OptionalProps]?: 'id' | 'createdAt' | 'phase' | 'createdByAccountId' | 'streetId' | 'communityId' | 'centralTask' | 'level';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid', nullable: true }) streetId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) communityId: string | null = null;
  @Field({ description: '名称 / Name' }) @Property({ type: 'text' }) name!: string;
  @Field(() => Int, { description: '年度 / Year' }) @Property({ type: 'int' }) year!: number;
  @Field(() => Int, { description: '总预算（分）/ Budget in fen' }) @Property({ type: new BigIntType('number') }) budgetFen!: number;
  @Field(() => Int, { description: '单个项目资助上限（分）/ Cap per project in fen' }) @Property({ type: new BigIntType('number') }) projectCapFen!: number;
  @Field(() => [VentureCategory], { description: '资助类别 / Categories funded' })
  @Property({ type: 'text[]', columnType: 'text[]' }) categories!: VentureCategory[];
  @Field(() => String, { nullable: true, description: '年度中心工作（"+1"类别）/ The year\'s central task (the "+1" category)' })
  @Property({ type: 'text', nullable: true }) centralTask: string | null = null;
  @Field(() => VentureRoundPhase, { description: '当前阶段 / Current phase' })
  @Enum({ items: () => VentureRoundPhase, type: 'text' }) phase: VentureRoundPhase = VentureRoundPhase.DRAFT;
  @Property({ type: 'uuid', nullable: true }) createdByAccountId: string | null = null;
  @Field(() => DateTimeISO, { description: '创建时间 / Created at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();

  @Field(() => VentureRoundLevel, { description: '层级 / Level' })
  get level(): VentureRoundLevel {
    return this.communityId ? VentureRoundLevel.COMMUNITY : this.streetId ? VentureRoundLevel.STREET : VentureRoundLevel.DISTRICT;
  }
}

import { randomUUID } from 'node:crypto';
import { DateTimeISO, Entity, Enum, Field, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { VentureRoundPhase } from '../graphql/grant-enums.type';

/**
 * One dated phase of a round's published schedule, and when it was actually opened and
 * closed. The database keeps one row per phase and no two phases of a round on one day.
 */
@Entity({ tableName: 'vg_round_phase' })
@ObjectType('VenturePhaseDates', { description: '轮次阶段日程 / A phase of a round\'s schedule' })
export class VentureRoundPhaseDates {
  [OptionalProps]?: 'id' | 'openedAt' | 'closedAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) roundId!: string;
  @Field(() => VentureRoundPhase, { description: '阶段 / Phase' }) @Enum({ items: () => VentureRoundPhase, type: 'text' }) phase!: VentureRoundPhase;
  @Field({ description: '计划开始 YYYY-MM-DD / Planned first day' }) @Property({ type: 'date', columnType: 'date' }) startsOn!: string;
  @Field({ description: '计划结束（含）YYYY-MM-DD / Planned last day, inclusive' }) @Property({ type: 'date', columnType: 'date' }) endsOn!: string;
  @Field(() => DateTimeISO, { nullable: true, description: '实际开始 / When it was opened' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) openedAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '实际结束 / When it was closed' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) closedAt: Date | null = null;
}

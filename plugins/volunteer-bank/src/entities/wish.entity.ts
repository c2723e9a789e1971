import { DateTimeISO, Entity, Field, LocalDate, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { ClaimantKind, WishCategory, WishStatus } from '../graphql/enums.type';

@Entity({ tableName: 'vb_wish' })
@ObjectType({ implements: Node, description: '微心愿 / Micro-wish' })
export class MicroWish extends Node {
  @PrimaryKey({ type: 'uuid' }) override id!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) residentId!: string;

  @Field(() => WishCategory, { description: '类别 / Category' })
  @Property({ type: 'text' }) category!: WishCategory;

  @Field({ description: '心愿内容 / Description' })
  @Property({ type: 'text' }) description!: string;

  @Field(() => LocalDate, { description: '期望实现日期（过期未认领即失效）/ Requested by (expires unclaimed after)' })
  @Property({ type: 'date' }) requestedBy!: string;

  /** As stored; the graph's `status` is as of today (wish-expiry.ts). */
  @Property({ type: 'text' }) status!: WishStatus;

  @Field(() => ClaimantKind, { nullable: true, description: '认领方类型 / Claimant kind' })
  @Property({ type: 'text', nullable: true }) claimantKind!: ClaimantKind | null;

  @Property({ type: 'uuid', nullable: true }) claimedByVolunteerId!: string | null;
  @Property({ type: 'uuid', nullable: true }) claimedByTeamId!: string | null;
  @Property({ type: 'uuid', nullable: true }) claimedByOrganizationId!: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: '认领时间 / Claimed at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) claimedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: '实现时间 / Fulfilled at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) fulfilledAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: '确认时间 / Confirmed at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) confirmedAt!: Date | null;

  @Property({ type: 'uuid', nullable: true }) confirmationTransferId!: string | null;

  @Field(() => DateTimeISO, { description: '登记时间 / Recorded at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt!: Date;
}

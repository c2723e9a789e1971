import { Entity, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/** A community a canteen serves (its service area). */
@Entity({ tableName: 'ed_canteen_community' })
export class CanteenCommunity {
  @PrimaryKey({ type: 'uuid' }) canteenId!: string;
  @PrimaryKey({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) districtId!: string;
}

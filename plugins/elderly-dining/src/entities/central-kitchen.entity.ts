import { Entity, Node, ObjectType, Property } from '@gongzhi/plugin-sdk';
import { OperatedSite } from './operated-site.entity';

@Entity({ tableName: 'ed_central_kitchen' })
@ObjectType({ implements: Node, description: '中央厨房 / Central kitchen supplying elder canteens' })
export class CentralKitchen extends OperatedSite {
  @Property({ type: 'uuid', nullable: true }) streetId!: string | null;
}

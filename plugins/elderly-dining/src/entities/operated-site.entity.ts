import { randomUUID } from 'node:crypto';
import { OptionalProps, DateTimeISO, Entity, Field, Node, ObjectType, PrimaryKey, Property } from '@gongzhi/plugin-sdk';
import { OperatorKind } from '../graphql/dining-enums.type';

/** What kitchens and canteens share: a named place in a district, run by an operator. */
@Entity({ abstract: true })
// Registered only so subclasses inherit its fields; unreachable, so not emitted in the schema.
@ObjectType('DiningOperatedSite')
export class OperatedSite extends Node {
  [OptionalProps]?: 'id' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) override id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Field({ description: '名称 / Name' }) @Property({ type: 'text' }) name!: string;
  @Field(() => String, { nullable: true, description: '地址 / Address' })
  @Property({ type: 'text', nullable: true }) address!: string | null;
  @Field(() => OperatorKind, { description: '运营方类型 / Operator kind' })
  @Property({ type: 'text' }) operatorKind!: OperatorKind;
  @Property({ type: 'uuid', nullable: true }) operatorOrganizationId!: string | null;
  @Field({ description: '运营方名称 / Operator name' }) @Property({ type: 'text' }) operatorName!: string;
  @Field(() => DateTimeISO, { description: '创建时间 / Created at' })
  @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
}

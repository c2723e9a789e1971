import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO as DateTimeISO } from 'graphql-scalars';
import { Node } from './node';
import { CommunityKind, StreetKind } from './enums';

@ObjectType({ implements: Node, description: '区/县（租户）/ District (the tenant)' })
export class District extends Node {
  @Field({ description: '名称 / Name' }) name!: string;
  @Field({ description: '行政区划代码 (GB/T 2260) / 6-digit division code' }) divisionCode!: string;
  @Field(() => DateTimeISO) createdAt!: Date;
}

@ObjectType({ implements: Node, description: '街道或乡镇 / Street office or town' })
export class Street extends Node {
  @Field() name!: string;
  @Field(() => StreetKind) kind!: StreetKind;
  districtId!: string;
  @Field(() => DateTimeISO) createdAt!: Date;
}

@ObjectType({ implements: Node, description: '社区或村 / Community or village' })
export class Community extends Node {
  @Field() name!: string;
  @Field(() => CommunityKind) kind!: CommunityKind;
  districtId!: string;
  streetId!: string;
  @Field(() => DateTimeISO) createdAt!: Date;
}

@ObjectType({ implements: Node, description: '网格 / Grid (300–500 households)' })
export class Grid extends Node {
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: '网格长 / Grid leader' }) leaderName!: string | null;
  @Field({ description: '户数 / Households' }) households!: number;
  districtId!: string;
  streetId!: string;
  communityId!: string;
  @Field(() => DateTimeISO) createdAt!: Date;
}

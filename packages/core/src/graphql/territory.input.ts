import { Field, ID, InputType, Int } from 'type-graphql';
import { CommunityKind, StreetKind } from '@gongzhi/plugin-sdk';

@InputType({ description: '新建区/县 / New district' })
export class CreateDistrictInput {
  @Field() name!: string;
  @Field({ description: '6位行政区划代码 / 6-digit GB/T 2260 code' }) divisionCode!: string;
}

@InputType() export class UpdateDistrictInput {
  @Field(() => String, { nullable: true }) name?: string | null;
}

@InputType({ description: '新建街道/乡镇 / New street or town' })
export class CreateStreetInput {
  @Field(() => ID) districtId!: string;
  @Field() name!: string;
  @Field(() => StreetKind) kind!: StreetKind;
}

@InputType() export class UpdateStreetInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => StreetKind, { nullable: true }) kind?: StreetKind | null;
}

@InputType({ description: '新建社区/村 / New community or village' })
export class CreateCommunityInput {
  @Field(() => ID) streetId!: string;
  @Field() name!: string;
  @Field(() => CommunityKind) kind!: CommunityKind;
}

@InputType() export class UpdateCommunityInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => CommunityKind, { nullable: true }) kind?: CommunityKind | null;
}

@InputType({ description: '新建网格 / New grid' })
export class CreateGridInput {
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) leaderName?: string | null;
  @Field(() => Int, { nullable: true }) households?: number | null;
}

@InputType() export class UpdateGridInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) leaderName?: string | null;
  @Field(() => Int, { nullable: true }) households?: number | null;
}

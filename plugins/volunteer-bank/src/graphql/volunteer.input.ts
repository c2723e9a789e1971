import { Field, ID, InputType } from '@gongzhi/plugin-sdk';

@InputType({ description: '登记志愿者 / Register a resident as a volunteer' })
export class RegisterVolunteerInput {
  @Field(() => ID, { description: '居民 / Resident' }) residentId!: string;
  @Field(() => [String], { nullable: true, description: '技能 / Skills' }) skills?: string[];
  @Field(() => [String], { nullable: true, description: '服务领域 / Service areas' }) serviceAreas?: string[];
}

@InputType({ description: '新建志愿服务队 / Create a volunteer team' })
export class CreateVolunteerTeamInput {
  @Field(() => ID, { description: '所属社区 / Community that runs it' }) communityId!: string;
  @Field(() => ID, { nullable: true, description: '承办社会组织 / Organisation that runs it' }) organizationId?: string | null;
  @Field({ description: '队名 / Name' }) name!: string;
  @Field(() => ID, { nullable: true, description: '队长（志愿者）/ Leader (a volunteer)' }) leaderId?: string | null;
}

@InputType({ description: '加入志愿服务队 / Join a team' })
export class JoinVolunteerTeamInput {
  @Field(() => ID) teamId!: string;
  @Field(() => ID) volunteerId!: string;
}

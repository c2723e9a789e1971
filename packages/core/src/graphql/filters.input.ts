import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CareTag, CertificationLevel, CommunityKind, OrgCategory, OrgRegistration, PostType } from '@gongzhi/plugin-sdk';

export enum SortDirection { ASC = 'ASC', DESC = 'DESC' }
export enum NameOrderField { NAME = 'NAME', CREATED_AT = 'CREATED_AT' }
registerEnumType(SortDirection, { name: 'SortDirection', description: '排序方向 / Sort direction' });
registerEnumType(NameOrderField, { name: 'NameOrderField', description: '排序字段 / Sort field' });

@InputType({ description: '排序 / Ordering' })
export class NameOrder {
  @Field(() => NameOrderField, { defaultValue: NameOrderField.NAME }) field!: NameOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}

export const sortProp = (o?: NameOrder | null): 'name' | 'createdAt' => (o?.field === NameOrderField.CREATED_AT ? 'createdAt' : 'name');

@InputType({ description: '区/县筛选 / District filter' })
export class DistrictFilter {
  @Field(() => String, { nullable: true, description: '名称包含 / Name contains' }) nameContains?: string | null;
}

@InputType({ description: '社区筛选 / Community filter' })
export class CommunityFilter {
  @Field(() => ID, { nullable: true, description: '所属辖区节点（区/街道）/ Within this node' }) within?: string | null;
  @Field(() => CommunityKind, { nullable: true }) kind?: CommunityKind | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
}

@InputType({ description: '居民筛选 / Resident filter' })
export class ResidentFilter {
  @Field(() => ID, { description: '辖区节点（区/街道/社区/网格）/ Within this node of the tree' }) within!: string;
  @Field(() => [CareTag], { nullable: true, description: '同时具有这些标签 / Has all these care tags' }) careTags?: CareTag[] | null;
  @Field(() => [CareTag], { nullable: true, description: '具有任一标签 / Has any of these care tags' }) anyCareTags?: CareTag[] | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
  @Field(() => Int, { nullable: true, description: '最小年龄 / Minimum age' }) ageMin?: number | null;
  @Field(() => Int, { nullable: true, description: '最大年龄 / Maximum age' }) ageMax?: number | null;
}

@InputType({ description: '社会组织筛选 / Organisation filter' })
export class SocialOrganizationFilter {
  @Field(() => ID, { description: '区/县 / District' }) districtId!: string;
  @Field(() => ID, { nullable: true, description: '服务该社区 / Serves this community' }) servesCommunityId?: string | null;
  @Field(() => OrgCategory, { nullable: true }) category?: OrgCategory | null;
  @Field(() => OrgRegistration, { nullable: true }) registration?: OrgRegistration | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
}

@InputType({ description: '社工筛选 / Social worker filter' })
export class SocialWorkerFilter {
  @Field(() => ID, { description: '区/县 / District' }) districtId!: string;
  @Field(() => CertificationLevel, { nullable: true }) certification?: CertificationLevel | null;
  @Field(() => PostType, { nullable: true }) postType?: PostType | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
}

/** `%term%` for ILIKE with the wildcard characters of the term escaped. */
export const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

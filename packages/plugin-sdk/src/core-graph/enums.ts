import { registerEnumType } from 'type-graphql';
import { describe, type I18n } from '../i18n';

export enum StreetKind { STREET = 'STREET', TOWN = 'TOWN' }
export enum CommunityKind { URBAN = 'URBAN', RURAL = 'RURAL' }
export enum Gender { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum CareTag {
  ELDERLY_60 = 'ELDERLY_60',
  ELDERLY_80 = 'ELDERLY_80',
  LIVING_ALONE = 'LIVING_ALONE',
  EMPTY_NEST = 'EMPTY_NEST',
  DISABLED = 'DISABLED',
  LOW_INCOME = 'LOW_INCOME',
  EXTREME_POVERTY = 'EXTREME_POVERTY',
  CHILD_IN_DIFFICULTY = 'CHILD_IN_DIFFICULTY',
  VETERAN = 'VETERAN',
}
export enum OrgRegistration { REGISTERED = 'REGISTERED', FILED = 'FILED' }
export enum OrgCategory { CHARITY = 'CHARITY', SOCIAL_SERVICES = 'SOCIAL_SERVICES', COMMUNITY_BASED = 'COMMUNITY_BASED' }
export enum CertificationLevel { ASSISTANT = 'ASSISTANT', INTERMEDIATE = 'INTERMEDIATE', SENIOR = 'SENIOR' }
export enum PostType { ALL_ROUND = 'ALL_ROUND', VISITING = 'VISITING', PROJECT = 'PROJECT' }
export enum EmployerKind { SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION', COMMUNITY = 'COMMUNITY' }
/** How a relative stands to the resident they may act for. */
export enum RelationKind {
  SPOUSE = 'SPOUSE', CHILD = 'CHILD', PARENT = 'PARENT', SIBLING = 'SIBLING', GRANDCHILD = 'GRANDCHILD', OTHER_FAMILY = 'OTHER_FAMILY', GUARDIAN = 'GUARDIAN',
}

registerEnumType(StreetKind, { name: 'StreetKind', description: '街道或乡镇 / Street office or town', valuesConfig: { STREET: { description: '街道' }, TOWN: { description: '乡镇' } } });
registerEnumType(CommunityKind, { name: 'CommunityKind', description: '社区或村 / Urban community or village', valuesConfig: { URBAN: { description: '社区' }, RURAL: { description: '村' } } });
registerEnumType(Gender, { name: 'Gender', description: '性别 / Gender' });
/** Care tags in both languages: the enum's descriptions and the labels dashboards show. */
export const CARE_TAG_LABELS: Record<CareTag, I18n> = {
  ELDERLY_60: { zh: '60岁以上老人', en: 'Aged 60+' },
  ELDERLY_80: { zh: '80岁以上高龄老人', en: 'Aged 80+' },
  LIVING_ALONE: { zh: '独居', en: 'Living alone' },
  EMPTY_NEST: { zh: '空巢', en: 'Empty nest' },
  DISABLED: { zh: '残疾', en: 'Disabled' },
  LOW_INCOME: { zh: '低保', en: 'Minimum living allowance' },
  EXTREME_POVERTY: { zh: '特困', en: 'Extreme poverty' },
  CHILD_IN_DIFFICULTY: { zh: '困境儿童', en: 'Child in difficulty' },
  VETERAN: { zh: '退役军人', en: 'Veteran' },
};
registerEnumType(CareTag, {
  name: 'CareTag',
  description: '关爱标签 / Care tag',
  valuesConfig: Object.fromEntries(Object.entries(CARE_TAG_LABELS).map(([k, l]) => [k, { description: describe(l) }])),
});
registerEnumType(OrgRegistration, { name: 'OrgRegistration', description: '登记或备案 / Registered or filed', valuesConfig: { REGISTERED: { description: '登记' }, FILED: { description: '备案' } } });
registerEnumType(OrgCategory, {
  name: 'OrgCategory',
  description: '社会组织类别 / Organisation category',
  valuesConfig: {
    CHARITY: { description: '公益慈善 / Charity' },
    SOCIAL_SERVICES: { description: '社会服务 / Social services' },
    COMMUNITY_BASED: { description: '社区社会组织 / Community-based' },
  },
});
registerEnumType(CertificationLevel, {
  name: 'CertificationLevel',
  description: '社工职业水平 / Social-work certification',
  valuesConfig: {
    ASSISTANT: { description: '助理社会工作师' },
    INTERMEDIATE: { description: '社会工作师' },
    SENIOR: { description: '高级社会工作师' },
  },
});
registerEnumType(PostType, {
  name: 'PostType',
  description: '社工岗位 / Post type',
  valuesConfig: { ALL_ROUND: { description: '全科社工' }, VISITING: { description: '走访社工' }, PROJECT: { description: '项目社工' } },
});
registerEnumType(EmployerKind, { name: 'EmployerKind', description: '用人单位类型 / Employer kind' });
registerEnumType(RelationKind, {
  name: 'RelationKind',
  description: '亲属关系（相对于被照顾的居民）/ How the relative stands to the resident',
  valuesConfig: {
    SPOUSE: { description: '配偶 / Spouse' }, CHILD: { description: '子女 / Child' }, PARENT: { description: '父母 / Parent' },
    SIBLING: { description: '兄弟姐妹 / Sibling' }, GRANDCHILD: { description: '孙子女、外孙子女 / Grandchild' },
    OTHER_FAMILY: { description: '其他亲属 / Other family' }, GUARDIAN: { description: '监护人 / Legal guardian' },
  },
});

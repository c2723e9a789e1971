import { registerEnumType } from 'type-graphql';

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

registerEnumType(StreetKind, { name: 'StreetKind', description: '街道或乡镇 / Street office or town', valuesConfig: { STREET: { description: '街道' }, TOWN: { description: '乡镇' } } });
registerEnumType(CommunityKind, { name: 'CommunityKind', description: '社区或村 / Urban community or village', valuesConfig: { URBAN: { description: '社区' }, RURAL: { description: '村' } } });
registerEnumType(Gender, { name: 'Gender', description: '性别 / Gender' });
registerEnumType(CareTag, {
  name: 'CareTag',
  description: '关爱标签 / Care tag',
  valuesConfig: {
    ELDERLY_60: { description: '60岁以上老人 / Aged 60+' },
    ELDERLY_80: { description: '80岁以上高龄老人 / Aged 80+' },
    LIVING_ALONE: { description: '独居 / Living alone' },
    EMPTY_NEST: { description: '空巢 / Empty nest' },
    DISABLED: { description: '残疾 / Disabled' },
    LOW_INCOME: { description: '低保 / Minimum living allowance' },
    EXTREME_POVERTY: { description: '特困 / Extreme poverty' },
    CHILD_IN_DIFFICULTY: { description: '困境儿童 / Child in difficulty' },
    VETERAN: { description: '退役军人 / Veteran' },
  },
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

import { registerEnumType } from '@gongzhi/plugin-sdk';

/** The "6+1" categories: six groups served, plus the year's central task (its text is on the round). */
export enum VentureCategory {
  ELDERLY = 'ELDERLY', WOMEN = 'WOMEN', CHILDREN_YOUTH = 'CHILDREN_YOUTH', NEW_RESIDENTS = 'NEW_RESIDENTS',
  DISABLED = 'DISABLED', HARDSHIP = 'HARDSHIP', CENTRAL_TASK = 'CENTRAL_TASK',
}

/** Where a round stands: set up (DRAFT), one of its seven dated phases, or CLOSED. */
export enum VentureRoundPhase {
  DRAFT = 'DRAFT', NEEDS = 'NEEDS', APPLICATION = 'APPLICATION', REVIEW = 'REVIEW', PUBLIC_VOTE = 'PUBLIC_VOTE',
  CONTRACTING = 'CONTRACTING', EXECUTION = 'EXECUTION', EVALUATION = 'EVALUATION', CLOSED = 'CLOSED',
}

export enum VentureRoundLevel { DISTRICT = 'DISTRICT', STREET = 'STREET', COMMUNITY = 'COMMUNITY' }

const described = (labels: Record<string, [string, string]>) =>
  Object.fromEntries(Object.entries(labels).map(([k, [zh, en]]) => [k, { description: `${zh} / ${en}` }])) as never;

registerEnumType(VentureCategory, {
  name: 'VentureCategory', description: '公益创投"6+1"类别 / The "6+1" categories of venture grants',
  valuesConfig: described({
    ELDERLY: ['为老服务', 'Older people'], WOMEN: ['妇女', 'Women'], CHILDREN_YOUTH: ['儿童青少年', 'Children and youth'],
    NEW_RESIDENTS: ['新市民', 'New residents'], DISABLED: ['助残', 'People with disabilities'], HARDSHIP: ['困难群体', 'People in hardship'],
    CENTRAL_TASK: ['年度中心工作（见轮次）', 'The year\'s central task (named on the round)'],
  }),
});
registerEnumType(VentureRoundPhase, {
  name: 'VentureRoundPhase', description: '创投轮次阶段 / Phase of a venture-grants round',
  valuesConfig: described({
    DRAFT: ['筹备', 'Being set up'], NEEDS: ['需求征集', 'Needs collection'], APPLICATION: ['项目申报', 'Applications'],
    REVIEW: ['专家评审', 'Expert review'], PUBLIC_VOTE: ['居民投票', 'Public vote'], CONTRACTING: ['签约', 'Contracting'],
    EXECUTION: ['项目执行', 'Execution'], EVALUATION: ['评估', 'Evaluation'], CLOSED: ['已结束', 'Closed'],
  }),
});
registerEnumType(VentureRoundLevel, {
  name: 'VentureRoundLevel', description: '轮次层级 / Level of the tree a round is run at',
  valuesConfig: described({ DISTRICT: ['区级', 'District'], STREET: ['街道级', 'Street or town'], COMMUNITY: ['社区级', 'Community'] }),
});

export enum NeedPriority { HIGH = 'HIGH', MEDIUM = 'MEDIUM', LOW = 'LOW' }
export enum NeedStatus { OPEN = 'OPEN', MERGED = 'MERGED' }

registerEnumType(NeedPriority, {
  name: 'VentureNeedPriority', description: '需求优先级 / Priority a worker gave a need',
  valuesConfig: described({ HIGH: ['高', 'High'], MEDIUM: ['中', 'Medium'], LOW: ['低', 'Low'] }),
});
registerEnumType(NeedStatus, {
  name: 'VentureNeedStatus', description: '需求状态 / State of a need',
  valuesConfig: described({ OPEN: ['有效', 'Open'], MERGED: ['已合并到另一需求', 'Merged into another need'] }),
});

export enum ApplicationStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', WITHDRAWN = 'WITHDRAWN' }

registerEnumType(ApplicationStatus, {
  name: 'VentureApplicationStatus', description: '项目申报状态 / State of an application',
  valuesConfig: described({ DRAFT: ['草稿', 'Draft'], SUBMITTED: ['已提交', 'Submitted'], WITHDRAWN: ['已撤回', 'Withdrawn'] }),
});

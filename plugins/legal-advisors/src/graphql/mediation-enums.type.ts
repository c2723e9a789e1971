import { registerEnumType } from '@gongzhi/plugin-sdk';
import { described } from './legal-enums.type';

/** What a dispute is about (the kinds people's mediation committees report by). */
export enum DisputeType {
  NEIGHBOURS = 'NEIGHBOURS', MARRIAGE_FAMILY = 'MARRIAGE_FAMILY', PROPERTY_MANAGEMENT = 'PROPERTY_MANAGEMENT', LABOUR = 'LABOUR',
  LAND_HOUSING = 'LAND_HOUSING', DAMAGES = 'DAMAGES', CONTRACTS = 'CONTRACTS', OTHER = 'OTHER',
}
/** Where a case stands: open, in mediation (a session was held), then one outcome or withdrawn. */
export enum MediationStatus {
  OPEN = 'OPEN', IN_MEDIATION = 'IN_MEDIATION', AGREED = 'AGREED', NO_AGREEMENT = 'NO_AGREEMENT', REFERRED = 'REFERRED', WITHDRAWN = 'WITHDRAWN',
}
/** Where a dispute mediation could not settle goes next. */
export enum MediationReferral {
  COURT = 'COURT', ARBITRATION = 'ARBITRATION', ADMINISTRATIVE = 'ADMINISTRATIVE', LEGAL_AID = 'LEGAL_AID', HIGHER_COMMITTEE = 'HIGHER_COMMITTEE',
}
export enum PartySide { APPLICANT = 'APPLICANT', RESPONDENT = 'RESPONDENT' }

registerEnumType(DisputeType, {
  name: 'DisputeType', description: '纠纷类型 / Kind of dispute',
  valuesConfig: described({
    NEIGHBOURS: ['邻里纠纷', 'Neighbours'], MARRIAGE_FAMILY: ['婚姻家庭', 'Marriage and family'], PROPERTY_MANAGEMENT: ['物业纠纷', 'Property management'],
    LABOUR: ['劳动争议', 'Labour'], LAND_HOUSING: ['土地房屋', 'Land and housing'], DAMAGES: ['损害赔偿', 'Damages'], CONTRACTS: ['合同纠纷', 'Contracts'], OTHER: ['其他', 'Other'],
  }),
});
registerEnumType(MediationStatus, {
  name: 'MediationStatus', description: '调解状态 / State of a mediation case',
  valuesConfig: described({
    OPEN: ['已受理', 'Open'], IN_MEDIATION: ['调解中', 'In mediation'], AGREED: ['达成协议', 'Agreement reached'],
    NO_AGREEMENT: ['调解不成', 'No agreement'], REFERRED: ['已转介', 'Referred'], WITHDRAWN: ['已撤回', 'Withdrawn'],
  }),
});
registerEnumType(MediationReferral, {
  name: 'MediationReferral', description: '调解转介去向 / Where a dispute was referred',
  valuesConfig: described({
    COURT: ['人民法院', 'A people\'s court'], ARBITRATION: ['仲裁机构', 'An arbitration body'], ADMINISTRATIVE: ['行政机关', 'An administrative authority'],
    LEGAL_AID: ['法律援助中心', 'Legal aid centre'], HIGHER_COMMITTEE: ['上级调解组织', 'A higher mediation committee'],
  }),
});
registerEnumType(PartySide, {
  name: 'MediationPartySide', description: '当事人一方 / Side of a party',
  valuesConfig: described({ APPLICANT: ['申请人', 'Applicant'], RESPONDENT: ['被申请人', 'Respondent'] }),
});

/** How a case ends after mediation; `MediationStatus` holds it once concluded. */
export enum MediationOutcome { AGREED = 'AGREED', NO_AGREEMENT = 'NO_AGREEMENT', REFERRED = 'REFERRED' }
registerEnumType(MediationOutcome, {
  name: 'MediationOutcome', description: '调解结果 / Outcome of a mediation',
  valuesConfig: described({ AGREED: ['达成协议', 'Agreement reached'], NO_AGREEMENT: ['调解不成', 'No agreement'], REFERRED: ['转介', 'Referred elsewhere'] }),
});

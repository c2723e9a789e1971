import { registerEnumType } from '@gongzhi/plugin-sdk';

/** What a resident's legal question is about (the categories districts report by). */
export enum LegalCategory {
  MARRIAGE_FAMILY = 'MARRIAGE_FAMILY', INHERITANCE = 'INHERITANCE', LABOUR = 'LABOUR',
  PROPERTY_NEIGHBOURS = 'PROPERTY_NEIGHBOURS', CONTRACTS = 'CONTRACTS', ELDERLY_RIGHTS = 'ELDERLY_RIGHTS', OTHER = 'OTHER',
}
export enum OfficeHourStatus { SCHEDULED = 'SCHEDULED', CANCELLED = 'CANCELLED' }
export enum LegalBookingStatus { BOOKED = 'BOOKED', CANCELLED = 'CANCELLED' }

/** Bilingual value descriptions for registerEnumType. */
export const described = (labels: Record<string, [string, string]>) =>
  Object.fromEntries(Object.entries(labels).map(([k, [zh, en]]) => [k, { description: `${zh} / ${en}` }])) as never;

/** Chinese and English names of the categories (the graph's descriptions, the CSV's headers). */
export const CATEGORY_LABELS: Record<LegalCategory, [string, string]> = {
  MARRIAGE_FAMILY: ['婚姻家庭', 'Marriage and family'], INHERITANCE: ['继承', 'Inheritance'], LABOUR: ['劳动争议', 'Labour'],
  PROPERTY_NEIGHBOURS: ['物业与邻里', 'Property and neighbours'], CONTRACTS: ['合同', 'Contracts'],
  ELDERLY_RIGHTS: ['老年人权益', 'Rights of older people'], OTHER: ['其他', 'Other'],
};
registerEnumType(LegalCategory, {
  name: 'LegalCategory', description: '法律事务类别 / Category of a legal matter', valuesConfig: described(CATEGORY_LABELS),
});
registerEnumType(OfficeHourStatus, {
  name: 'OfficeHourStatus', description: '坐班状态 / State of an office hour',
  valuesConfig: described({ SCHEDULED: ['已排班', 'Scheduled'], CANCELLED: ['已取消', 'Cancelled'] }),
});
registerEnumType(LegalBookingStatus, {
  name: 'LegalBookingStatus', description: '预约状态 / State of a booking',
  valuesConfig: described({ BOOKED: ['已预约', 'Booked'], CANCELLED: ['已取消', 'Cancelled'] }),
});

/** Where a consultation's case stands; a rating closes it. */
export enum ConsultationStatus {
  REQUESTED = 'REQUESTED', SCHEDULED = 'SCHEDULED', IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED', REFERRED = 'REFERRED', CLOSED = 'CLOSED',
}
/** Where an advisor sends a matter they cannot settle in consultation. */
export enum Referral { LEGAL_AID = 'LEGAL_AID', MEDIATION = 'MEDIATION', LITIGATION_ARBITRATION = 'LITIGATION_ARBITRATION' }

registerEnumType(ConsultationStatus, {
  name: 'ConsultationStatus', description: '咨询状态 / State of a consultation',
  valuesConfig: described({
    REQUESTED: ['已申请', 'Requested'], SCHEDULED: ['已约时间', 'Scheduled'], IN_PROGRESS: ['咨询中', 'In progress'],
    RESOLVED: ['已解答', 'Resolved'], REFERRED: ['已转介', 'Referred'], CLOSED: ['已评价结案', 'Rated and closed'],
  }),
});
export const REFERRAL_LABELS: Record<Referral, [string, string]> = {
  LEGAL_AID: ['法律援助中心', 'Legal aid centre'], MEDIATION: ['人民调解', 'Mediation'], LITIGATION_ARBITRATION: ['诉讼或仲裁', 'Litigation or arbitration'],
};
registerEnumType(Referral, {
  name: 'LegalReferral', description: '转介去向 / Where a matter was referred', valuesConfig: described(REFERRAL_LABELS),
});

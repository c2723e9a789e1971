import { defineSettings, setting } from '@gongzhi/plugin-sdk';

/** District settings of the legal-advisors program. */
export const legalSettings = defineSettings({
  defaultTermMonths: setting.int({
    title: { zh: '法律顾问默认聘期（月）', en: 'Default advisor term (months)' }, default: 12, min: 1, max: 60,
  }),
  ratingWindowDays: setting.int({
    title: { zh: '咨询办结后可评价天数', en: 'Days after a consultation is resolved or referred in which the resident may rate it' }, default: 30, min: 1, max: 365,
  }),
  bookingCancelCutoffHours: setting.int({
    title: { zh: '坐班预约最晚取消（开始前小时数）', en: 'Bookings can be cancelled until this many hours before the office hour' }, default: 2, min: 0, max: 72,
  }),
});

import { defineSettings, setting } from '@gongzhi/plugin-sdk';

/** District settings of the legal-advisors program. */
export const legalSettings = defineSettings({
  defaultTermMonths: setting.int({
    title: { zh: '法律顾问默认聘期（月）', en: 'Default advisor term (months)' }, default: 12, min: 1, max: 60,
  }),
});

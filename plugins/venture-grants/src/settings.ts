import { defineSettings, setting } from '@gongzhi/plugin-sdk';

/** District settings of the venture-grants program. */
export const ventureSettings = defineSettings({
  votesPerResident: setting.int({
    title: { zh: '居民投票每轮票数（每个项目至多一票）', en: 'Votes each resident has in a round\'s public vote (at most one per project)' }, default: 3, min: 1, max: 20,
  }),
});

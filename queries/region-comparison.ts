import { defineQuery } from './lib/define.js';
import { param } from './lib/params.js';
import { indicatorColumns, indicatorNotes } from './region-profile.js';

export default defineQuery({
  name: 'region-comparison',
  title: { zh: '省份对比', en: 'Province comparison' },
  description: {
    zh: `若干省份（按给出的顺序；不填为全部31个大陆省份）某年的六项指标并列对比，每个省份 × 指标一行，口径与“省份画像”相同。${indicatorNotes.zh}`,
    en: `Several provinces side by side (in the order given; all 31 mainland provinces when none is given) in one year: one row per province × indicator, defined as in region-profile. ${indicatorNotes.en}`,
  },
  module: import.meta.url,
  params: {
    regions: param.codes(
      { zh: '省份', en: 'Provinces' },
      { table: 'region', column: 'region_code', where: "level = 'province' AND in_mainland" },
      '440000,110000',
    ),
    year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: 'the latest year with training data' }),
  },
  columns: indicatorColumns,
});

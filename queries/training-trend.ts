import { col, defineQuery, units } from './lib/define.js';
import { param } from './lib/params.js';
import { provinceOrNation, trainingProgram, zoneFilter } from './lib/common-params.js';

export default defineQuery({
  name: 'training-trend',
  title: { zh: '培训趋势', en: 'Training trend' },
  description: {
    zh: '某培训项目按月或按年的培训人次、人数和发证数：全国、某省、某重点区域（成员为省或地市，每条记录只计一次），或某省在某区域内的部分；并列全国培训人次及所占比重。可按领域和起止年份筛选。',
    en: "Person-times, participants and certificates of one training programme by month or year for the nation, a province, a strategic zone (members are provinces and prefectures; each fact is counted once) or a province's part of a zone, beside the national person-times and the share of it. Optional field and first/last year.",
  },
  module: import.meta.url,
  params: {
    grain: param.choice({ zh: '时间粒度', en: 'Time grain' }, ['month', 'year'] as const, 'month'),
    program: trainingProgram,
    field: param.code({ zh: '领域', en: 'Field' }, { table: 'field', column: 'field_code' }, null, 'ai'),
    region: provinceOrNation,
    zone: zoneFilter,
    from: param.year({ zh: '起始年份', en: 'First year' }, { defaultNote: 'all years' }),
    to: param.year({ zh: '终止年份', en: 'Last year' }, { defaultNote: 'all years' }),
  },
  columns: [
    col('period', 'string', '时期', 'Period (YYYY-MM or YYYY)'),
    col('person_times', 'integer', '培训人次', 'Person-times', units.personTimes),
    col('participants', 'integer', '培训人数', 'Participants', units.persons),
    col('certificates', 'integer', '发证数', 'Certificates', { zh: '本', en: 'certificates' }),
    col('national_person_times', 'integer', '全国培训人次', 'National person-times', units.personTimes),
    col('share_of_national', 'number', '占全国比重', 'Share of national person-times', units.share),
  ],
});

import { col } from '../lib/define.js';
import { param } from '../lib/params.js';

/** Filters every fact export accepts. */
export const exportFilters = {
  from_year: param.year({ zh: '起始年', en: 'From year' }, { defaultNote: 'no lower bound' }),
  to_year: param.year({ zh: '终止年', en: 'To year' }, { defaultNote: 'no upper bound' }),
  regions: param.codes(
    { zh: '地区（含下辖）', en: 'Regions (and the units below them)' },
    { table: 'region', column: 'region_code' },
    '440000,110000',
  ),
  limit: param.optionalInteger({ zh: '最多行数', en: 'Row limit' }, 1, 1_000_000_000, '1000'),
};

/** The row's own region in every fact export: its code and names (the province code and level follow where given). */
export const factRegionColumns = [
  col('region_code', 'string', '地区代码', 'Region code'),
  col('region_name_zh', 'string', '地区', 'Region (Chinese)'),
  col('region_name_en', 'string', '地区（英文）', 'Region'),
];

/** Where a fact row came from: the source named in the file, or the file's name. */
export const sourceColumn = col('source', 'string', '来源', 'Source');

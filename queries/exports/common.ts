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

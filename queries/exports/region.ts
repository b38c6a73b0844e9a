import { col, defineQuery, units } from '../lib/define.js';
import { param } from '../lib/params.js';

export default defineQuery({
  name: 'region',
  title: { zh: '行政区划', en: 'Regions' },
  description: {
    zh: '省、地市、区县（GB/T 2260），含四大区域、重点区域、三区三州、52个挂牌督战县、网格位置和2020年人口普查人口。',
    en: 'Provinces, prefectures and counties (GB/T 2260) with NBS macro-region, strategic zones, designated poverty areas, the 52 last poverty counties, tile-grid position and 2020 census population.',
  },
  module: import.meta.url,
  params: {
    levels: param.codes({ zh: '层级', en: 'Levels' }, { table: 'region', column: 'level' }, 'province'),
    regions: param.codes(
      { zh: '地区（含下辖）', en: 'Regions (and the units below them)' },
      { table: 'region', column: 'region_code' },
      '440000',
    ),
    limit: param.optionalInteger({ zh: '最多行数', en: 'Row limit' }, 1, 1_000_000, '100'),
  },
  columns: [
    col('region_code', 'string', '地区代码', 'Region code'),
    col('level', 'string', '层级', 'Level (province, prefecture or county)'),
    col('parent_code', 'string', '上级代码', 'Parent code'),
    col('province_code', 'string', '省级代码', 'Province code'),
    col('name_zh', 'string', '地区', 'Region (Chinese)'),
    col('name_en', 'string', '地区（英文）', 'Region'),
    col('abbr', 'string', '简称代码', 'Two-letter abbreviation'),
    col('macro_region', 'string', '四大区域', 'Macro-region'),
    col('in_mainland', 'boolean', '属大陆统计口径', 'In the mainland series'),
    col('poverty_group', 'string', '三区三州', 'Designated poverty area (three districts or three states)'),
    col('poverty_county_52', 'boolean', '52个挂牌督战县', 'One of the 52 last poverty counties'),
    col('tile_row', 'integer', '网格行', 'Tile row'),
    col('tile_col', 'integer', '网格列', 'Tile column'),
    col('population_2020', 'integer', '常住人口（2020）', 'Population (2020)', units.persons),
    col('working_age_2020', 'integer', '15–59岁人口（2020）', 'Working-age population (2020)', units.persons),
    col('zones', 'string', '重点区域（逗号分隔）', 'Strategic zones (comma-separated)'),
  ],
});

import type { ColumnSpec, DatasetSpec } from './types.js';

const nameZh: ColumnSpec = {
  name: 'name_zh',
  type: 'text',
  required: true,
  label: { zh: '中文名称', en: 'Name (Chinese)' },
  aliases: ['中文名称', '名称'],
};
const nameEn: ColumnSpec = {
  name: 'name_en',
  type: 'text',
  required: true,
  label: { zh: '英文名称', en: 'Name (English)' },
  aliases: ['英文名称', 'name'],
};
const source: ColumnSpec = {
  name: 'source',
  type: 'text',
  required: true,
  label: { zh: '来源', en: 'Source' },
  aliases: ['来源', '数据来源'],
  defaultFromFile: 'file-name',
};

export const region: DatasetSpec = {
  name: 'region',
  table: 'region',
  kind: 'reference',
  label: { zh: '行政区划', en: 'Regions' },
  grain: 'one administrative unit (province, prefecture or county), keyed by its GB/T 2260 code',
  columns: [
    {
      name: 'region_code',
      type: 'code',
      key: true,
      label: { zh: '地区代码', en: 'Region code' },
      aliases: ['地区代码', '行政区划代码', 'code'],
    },
    {
      name: 'level',
      type: 'text',
      required: true,
      allowed: ['province', 'prefecture', 'county'],
      label: { zh: '层级', en: 'Level' },
      aliases: ['层级'],
    },
    { name: 'parent_code', type: 'code', label: { zh: '上级代码', en: 'Parent code' }, aliases: ['上级代码'] },
    {
      name: 'province_code',
      type: 'code',
      required: true,
      label: { zh: '省级代码', en: 'Province code' },
      aliases: ['省级代码', '省份代码'],
    },
    nameZh,
    nameEn,
    { name: 'abbr', type: 'text', label: { zh: '简称代码', en: 'Two-letter abbreviation' }, aliases: ['简称代码'] },
    {
      name: 'macro_region',
      type: 'text',
      allowed: ['east', 'central', 'west', 'northeast'],
      label: { zh: '四大区域', en: 'NBS macro-region' },
      aliases: ['四大区域', '区域'],
    },
    {
      name: 'in_mainland',
      type: 'boolean',
      required: true,
      label: { zh: '属大陆统计口径', en: 'In the mainland series' },
      aliases: ['大陆'],
    },
    {
      name: 'poverty_group',
      type: 'text',
      allowed: ['three_districts', 'three_states'],
      label: { zh: '三区三州', en: 'Designated poverty area' },
      aliases: ['三区三州'],
    },
    {
      name: 'poverty_county_52',
      type: 'boolean',
      label: { zh: '52个挂牌督战县', en: 'One of the 52 last poverty counties' },
      aliases: ['挂牌督战县'],
      description:
        'true for the 52 counties still poor at the end of 2019 and put under listed supervision (挂牌督战) in 2020: Guangxi 8, Sichuan 7, Guizhou 9, Yunnan 9, Gansu 8, Ningxia 1, Xinjiang 10 (one of them, 泸水市, a county-level city); false for every other unit, provinces and prefectures included. Empty in older files without the column.',
    },
    { name: 'tile_row', type: 'integer', min: 1, max: 20, label: { zh: '网格行', en: 'Tile row' }, aliases: ['网格行'] },
    { name: 'tile_col', type: 'integer', min: 1, max: 20, label: { zh: '网格列', en: 'Tile column' }, aliases: ['网格列'] },
    {
      name: 'population_2020',
      type: 'count',
      label: { zh: '常住人口（2020）', en: 'Resident population (2020 census)' },
      unit: { zh: '人', en: 'persons' },
      aliases: ['常住人口'],
    },
    {
      name: 'working_age_2020',
      type: 'count',
      label: { zh: '15–59岁人口（2020）', en: 'Working-age population 15–59 (2020 census)' },
      unit: { zh: '人', en: 'persons' },
      aliases: ['劳动年龄人口'],
    },
    source,
  ],
};

export const zone: DatasetSpec = {
  name: 'zone',
  table: 'zone',
  kind: 'reference',
  label: { zh: '重点区域', en: 'Strategic zones' },
  grain: 'one strategic zone named in the actions',
  columns: [
    { name: 'zone_code', type: 'code', key: true, label: { zh: '区域代码', en: 'Zone code' }, aliases: ['区域代码'] },
    nameZh,
    nameEn,
  ],
};

export const regionZone: DatasetSpec = {
  name: 'region_zone',
  table: 'region_zone',
  kind: 'reference',
  label: { zh: '重点区域成员', en: 'Zone membership' },
  grain: 'one region belonging to one strategic zone',
  columns: [
    {
      name: 'zone_code',
      type: 'code',
      key: true,
      references: { table: 'zone', column: 'zone_code' },
      label: { zh: '区域代码', en: 'Zone code' },
      aliases: ['区域代码'],
    },
    {
      name: 'region_code',
      type: 'code',
      key: true,
      references: { table: 'region', column: 'region_code' },
      label: { zh: '地区代码', en: 'Region code' },
      aliases: ['地区代码'],
    },
  ],
};

export const action: DatasetSpec = {
  name: 'action',
  table: 'action',
  kind: 'reference',
  label: { zh: '专项行动', en: 'Actions' },
  grain: 'one of the eight actions of the special action for talent services',
  columns: [
    { name: 'action_code', type: 'code', key: true, label: { zh: '行动代码', en: 'Action code' }, aliases: ['行动代码'] },
    { name: 'seq', type: 'integer', required: true, min: 1, max: 99, label: { zh: '序号', en: 'Order' }, aliases: ['序号'] },
    nameZh,
    nameEn,
    { name: 'description_zh', type: 'text', label: { zh: '中文说明', en: 'Description (Chinese)' }, aliases: ['中文说明'] },
    { name: 'description_en', type: 'text', label: { zh: '英文说明', en: 'Description (English)' }, aliases: ['英文说明'] },
  ],
};

export const program: DatasetSpec = {
  name: 'program',
  table: 'program',
  kind: 'reference',
  label: { zh: '项目', en: 'Programmes' },
  grain: 'one programme named in an action, with the fact table and measure that count it',
  columns: [
    { name: 'program_code', type: 'code', key: true, label: { zh: '项目代码', en: 'Programme code' }, aliases: ['项目代码'] },
    {
      name: 'action_code',
      type: 'code',
      required: true,
      references: { table: 'action', column: 'action_code' },
      label: { zh: '行动代码', en: 'Action code' },
      aliases: ['行动代码'],
    },
    nameZh,
    nameEn,
    {
      name: 'fact_table',
      type: 'text',
      required: true,
      allowed: ['training', 'talent_stock'],
      label: { zh: '事实表', en: 'Fact table' },
      aliases: ['事实表'],
    },
    {
      name: 'metric',
      type: 'text',
      required: true,
      allowed: ['person_times', 'participants', 'certificates', 'value'],
      label: { zh: '计量指标', en: 'Metric' },
      aliases: ['计量指标'],
    },
    {
      name: 'aggregation',
      type: 'text',
      required: true,
      allowed: ['sum', 'last'],
      label: { zh: '汇总方式', en: 'Aggregation over time' },
      aliases: ['汇总方式'],
    },
    { name: 'unit_zh', type: 'text', required: true, label: { zh: '单位（中文）', en: 'Unit (Chinese)' }, aliases: ['单位'] },
    { name: 'unit_en', type: 'text', required: true, label: { zh: '单位（英文）', en: 'Unit (English)' }, aliases: ['unit'] },
  ],
};

export const field: DatasetSpec = {
  name: 'field',
  table: 'field',
  kind: 'reference',
  label: { zh: '重点领域', en: 'Key fields' },
  grain: 'one key industry field',
  columns: [
    { name: 'field_code', type: 'code', key: true, label: { zh: '领域代码', en: 'Field code' }, aliases: ['领域代码'] },
    nameZh,
    nameEn,
  ],
};

export const occupation: DatasetSpec = {
  name: 'occupation',
  table: 'occupation',
  kind: 'reference',
  label: { zh: '职业', en: 'Occupations' },
  grain: 'one major group or occupation of the 2022 national occupational classification',
  columns: [
    { name: 'occupation_code', type: 'code', key: true, label: { zh: '职业代码', en: 'Occupation code' }, aliases: ['职业代码'] },
    {
      name: 'level',
      type: 'text',
      required: true,
      allowed: ['group', 'occupation'],
      label: { zh: '层级', en: 'Level' },
      aliases: ['层级'],
    },
    { name: 'group_code', type: 'code', required: true, label: { zh: '大类代码', en: 'Major group code' }, aliases: ['大类代码'] },
    nameZh,
    nameEn,
  ],
};

export const zoneOccupation: DatasetSpec = {
  name: 'zone_occupation',
  table: 'zone_occupation',
  kind: 'reference',
  label: { zh: '急需紧缺人才目录', en: 'Urgently-needed talent catalogue' },
  grain: "one occupation listed in one strategic zone's urgently-needed catalogue",
  columns: [
    {
      name: 'zone_code',
      type: 'code',
      key: true,
      references: { table: 'zone', column: 'zone_code' },
      label: { zh: '区域代码', en: 'Zone code' },
      aliases: ['区域代码'],
    },
    {
      name: 'occupation_code',
      type: 'code',
      key: true,
      references: { table: 'occupation', column: 'occupation_code' },
      label: { zh: '职业代码', en: 'Occupation code' },
      aliases: ['职业代码'],
    },
  ],
};

export const competitionEvent: DatasetSpec = {
  name: 'competition_event',
  table: 'competition_event',
  kind: 'reference',
  label: { zh: '赛事', en: 'Competitions' },
  grain: 'one skills competition series',
  columns: [
    { name: 'competition_code', type: 'code', key: true, label: { zh: '赛事代码', en: 'Competition code' }, aliases: ['赛事代码'] },
    nameZh,
    nameEn,
    {
      name: 'level',
      type: 'text',
      required: true,
      allowed: ['international', 'national', 'provincial'],
      label: { zh: '级别', en: 'Level' },
      aliases: ['级别'],
    },
  ],
};

export const target: DatasetSpec = {
  name: 'target',
  table: 'target',
  kind: 'reference',
  label: { zh: '目标', en: 'Targets' },
  grain: 'one programme target over a period (a year or several), national (region 000000) or for one region',
  periods: 'plans',
  columns: [
    {
      name: 'program_code',
      type: 'code',
      key: true,
      references: { table: 'program', column: 'program_code' },
      label: { zh: '项目代码', en: 'Programme code' },
      aliases: ['项目代码'],
    },
    { name: 'period_start', type: 'year', key: true, min: 2000, max: 2100, label: { zh: '起始年', en: 'First year' }, aliases: ['起始年'] },
    { name: 'period_end', type: 'year', key: true, min: 2000, max: 2100, label: { zh: '终止年', en: 'Last year' }, aliases: ['终止年'] },
    {
      name: 'region_code',
      type: 'code',
      key: true,
      references: { table: 'region', column: 'region_code', alsoAllowed: ['000000'] },
      label: { zh: '地区代码', en: 'Region code' },
      aliases: ['地区代码'],
      description: "'000000' means national",
    },
    { name: 'value', type: 'number', required: true, min: 0, label: { zh: '目标值', en: 'Target value' }, aliases: ['目标值'] },
    source,
    { name: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, aliases: ['备注'] },
  ],
};

export { source as sourceColumn };

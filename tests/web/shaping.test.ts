import { describe, expect, it } from 'vitest';
import { csvText, fileName } from '../../web/src/charts/csv.js';
import { shapeProvinces, shapeReferenceLists, shortName } from '../../web/src/data/references.js';
import { formValues, parseItem } from '../../web/src/pages/data.js';
import { quarterList, yearOptions } from '../../web/src/pages/shared.js';
import { statusSeverity, worstStatus } from '../../web/src/ui/badge.js';

describe('reference lists are shaped for pickers and labels', () => {
  const none = {
    parent_code: null,
    seq: null,
    level: null,
    fact_table: null,
    metric: null,
    aggregation: null,
    unit_zh: null,
    unit_en: null,
  };
  const rows = [
    { ...none, list: 'action', code: 'high_end', name_zh: '高端人才引领行动', name_en: 'High-end Talent Lead', seq: 2 },
    { ...none, list: 'action', code: 'skills_china', name_zh: '技能中国行动', name_en: 'Skills China', seq: 1 },
    {
      ...none,
      list: 'program',
      code: 'knowledge_renewal',
      name_zh: '知识更新工程',
      name_en: 'Knowledge renewal',
      parent_code: 'high_end',
      fact_table: 'training',
      metric: 'person_times',
      aggregation: 'sum',
      unit_zh: '人次',
      unit_en: 'person-times',
    },
    { ...none, list: 'occupation', code: '2', name_zh: '专业技术人员', name_en: 'Professionals', parent_code: '2', level: 'group' },
    {
      ...none,
      list: 'occupation',
      code: '2-02-10-09',
      name_zh: '人工智能工程技术人员',
      name_en: 'AI engineers',
      parent_code: '2',
      level: 'occupation',
    },
    { ...none, list: 'zone', code: 'gba', name_zh: '粤港澳大湾区', name_en: 'Greater Bay Area' },
  ];
  it("orders actions by their sequence and reads a programme's attributes", () => {
    const lists = shapeReferenceLists(rows);
    expect(lists.actions.map((a) => a.code)).toEqual(['skills_china', 'high_end']);
    expect(lists.programs[0]).toMatchObject({
      code: 'knowledge_renewal',
      action: 'high_end',
      factTable: 'training',
      metric: 'person_times',
      aggregation: 'sum',
      unit_zh: '人次',
      unit_en: 'person-times',
    });
    expect(lists.groups.map((g) => g.code)).toEqual(['2']);
    expect(lists.occupations.map((o) => o.code)).toEqual(['2-02-10-09']);
    expect(lists.zones[0].name_en).toBe('Greater Bay Area');
  });

  it('keeps provinces with a tile position, with their zones as a list', () => {
    const provinces = shapeProvinces([
      {
        region_code: '440000',
        level: 'province',
        name_zh: '广东省',
        name_en: 'Guangdong',
        abbr: 'GD',
        macro_region: 'east',
        in_mainland: true,
        tile_row: 9,
        tile_col: 7,
        working_age_2020: 86_695_565,
        population_2020: 126_012_510,
        zones: 'gba',
      },
      {
        region_code: '810000',
        level: 'province',
        name_zh: '香港特别行政区',
        name_en: 'Hong Kong',
        abbr: 'HK',
        macro_region: null,
        in_mainland: false,
        tile_row: 10,
        tile_col: 10,
        working_age_2020: null,
        population_2020: null,
        zones: 'gba,yrd',
      },
      {
        region_code: '440100',
        level: 'prefecture',
        name_zh: '广州市',
        name_en: 'Guangzhou',
        abbr: null,
        macro_region: 'east',
        in_mainland: true,
        tile_row: null,
        tile_col: null,
        working_age_2020: 1,
        population_2020: 1,
        zones: '',
      },
    ]);
    expect(provinces.map((p) => [p.code, p.row, p.col, p.inMainland, p.zones])).toEqual([
      ['440000', 9, 7, true, ['gba']],
      ['810000', 10, 10, false, ['gba', 'yrd']],
    ]);
  });

  it('shortens province names for tiles and dense charts', () => {
    expect(shortName('广西壮族自治区', 'Guangxi', 'zh')).toBe('广西');
    expect(shortName('新疆维吾尔自治区', 'Xinjiang', 'zh')).toBe('新疆');
    expect(shortName('黑龙江省', 'Heilongjiang', 'zh')).toBe('黑龙江');
    expect(shortName('北京市', 'Beijing', 'zh')).toBe('北京');
    expect(shortName('香港特别行政区', 'Hong Kong', 'zh')).toBe('香港');
    expect(shortName('西藏自治区', 'Tibet (Xizang)', 'en')).toBe('Tibet');
  });
});

describe('chart data downloads as the server writes CSV', () => {
  it('writes a BOM, CRLF, quotes and neutralised formulas', () => {
    const text = csvText({
      columns: [
        { key: 'name', label: '名称' },
        { key: 'value', label: 'value' },
      ],
      rows: [
        { name: '广东, 深圳', value: 1.5 },
        { name: '=SUM(A1)', value: null },
        { name: 'say "hi"', value: -2 },
      ],
    });
    expect(text).toBe('\ufeff名称,value\r\n"广东, 深圳",1.5\r\n\'=SUM(A1),\r\n"say ""hi""",-2\r\n');
  });
  it('names files after the chart and the data version', () => {
    expect(fileName('overview-path', '20261125T114220477-f14b', 'csv')).toBe('overview-path_20261125T1142.csv');
    expect(fileName('a b/c', null, 'svg')).toBe('a-b-c.svg');
  });
});

describe('filters', () => {
  it('lists quarters back from the latest, across years', () => {
    expect(quarterList('2026Q2', 4)).toEqual(['2026Q2', '2026Q1', '2025Q4', '2025Q3']);
    expect(quarterList(null, 4)).toEqual([]);
  });
  it('offers the latest year first', () => {
    expect(yearOptions(2024, 2026, 'latest').map((o) => o.value)).toEqual(['', '2026', '2025', '2024']);
  });
  it('reads the data page selection and its form values from the URL state', () => {
    expect(parseItem('query:talent-gap')).toEqual({ kind: 'query', name: 'talent-gap' });
    expect(parseItem('dataset:training')).toEqual({ kind: 'dataset', name: 'training' });
    expect(parseItem('sql:drop')).toBeNull();
    expect(formValues({ item: 'query:talent-gap', 'p.quarter': '2026Q1', 'p.level': '', region: '440000' })).toEqual({ quarter: '2026Q1' });
  });
  it("gives an action the worst of its programmes' statuses", () => {
    expect(worstStatus(['achieved', 'acceleration_needed', null, 'on_track'])).toBe('acceleration_needed');
    expect(worstStatus([null, undefined])).toBeNull();
    // A period over and its target missed is the worst there is; then falling behind.
    expect(statusSeverity.slice(0, 2)).toEqual(['missed', 'falling_behind']);
    expect(worstStatus(['falling_behind', 'missed', 'achieved'])).toBe('missed');
  });
});

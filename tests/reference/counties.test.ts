import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { prefectureChecks, provinceChecks } from '../../tools/reference/county-crosscheck.js';

// County population and the 52 poverty counties in region.csv, read with csv-parse in plain JS and
// compared with the copied policy file and with figures read by hand from the census workbook.
const dir = fileURLToPath(new URL('../../data/reference/', import.meta.url));
type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse<Row>(readFileSync(dir + file), { columns: true });

const regions = readCsv('region.csv');
const byCode = new Map(regions.map((r) => [r.region_code, r]));
const counties = regions.filter((r) => r.level === 'county');
const policy = readCsv('sources/policy/poverty-counties-52.csv');

describe('the 52 poverty counties', () => {
  const flagged = regions.filter((r) => r.poverty_county_52 === 'true');

  it('flags exactly the counties of the policy file, and gives every other unit false', () => {
    expect(policy).toHaveLength(52);
    expect(flagged.map((r) => r.region_code).sort()).toEqual(policy.map((p) => p.county_code).sort());
    for (const r of flagged) expect(r.level, r.region_code).toBe('county');
    for (const r of regions) expect(['true', 'false'], r.region_code).toContain(r.poverty_county_52);
  });

  it('puts them in the provinces and prefectures the policy file gives', () => {
    const perProvince: Record<string, number> = {};
    for (const r of flagged) perProvince[r.province_code] = (perProvince[r.province_code] ?? 0) + 1;
    // Guangxi 8, Sichuan 7, Guizhou 9, Yunnan 9, Gansu 8, Ningxia 1, Xinjiang 10
    expect(perProvince).toEqual({ 450000: 8, 510000: 7, 520000: 9, 530000: 9, 620000: 8, 640000: 1, 650000: 10 });
    for (const p of policy) {
      expect(byCode.get(p.county_code), p.county_code).toMatchObject({ parent_code: p.prefecture_code, province_code: p.province_code });
    }
    expect(byCode.get('533301')).toMatchObject({ name_zh: '泸水市', poverty_county_52: 'true' }); // a county-level city since 2016
  });

  it('all have a census row: 19,698,534 people together (as the policy notes say)', () => {
    for (const r of flagged) expect(r.population_2020, r.region_code).not.toBe('');
    expect(flagged.reduce((sum, r) => sum + Number(r.population_2020), 0)).toBe(19_698_534);
  });
});

describe('county population', () => {
  it('copies 人口数_合计 and sums the 18 bands 男/女_15到19岁 … 55到59岁 (read by hand from the workbook)', () => {
    // 530627 镇雄县: 人口数_合计 1,349,795; bands 61413+56476+58406+52838+56853+47389+52478+42779+45230
    //   +35062+43867+35354+45195+39117+39023+38417+34561+32634 = 817,092
    expect(byCode.get('530627')).toMatchObject({ population_2020: '1349795', working_age_2020: '817092' });
    // 533323 福贡县: 114,372; 3587+3483+3741+3449+4285+3749+5193+4282+5423+4356+4688+4084+3809+3264
    //   +3451+3291+2483+2545 = 69,163
    expect(byCode.get('533323')).toMatchObject({ population_2020: '114372', working_age_2020: '69163' });
    // 640422 西吉县: 315,827; 12440+12361+9751+8772+11001+10126+10757+10149+10827+10574+11895+11235
    //   +11465+10496+10837+10298+8808+7824 = 189,616
    expect(byCode.get('640422')).toMatchObject({ population_2020: '315827', working_age_2020: '189616' });
    // 110101 东城区: 708,829; 8768+7668+12350+11687+19117+20770+28394+30979+34173+38728+27966+29216
    //   +24285+25087+22672+23683+28767+28701 = 423,011
    expect(byCode.get('110101')).toMatchObject({ population_2020: '708829', working_age_2020: '423011' });
  });

  it('covers 2,877 of the 2,943 counties; the other 66 have empty population and working age', () => {
    const without = counties.filter((r) => r.population_2020 === '');
    expect(counties).toHaveLength(2943);
    expect(without).toHaveLength(66);
    for (const r of without) expect(r.working_age_2020, r.region_code).toBe('');
    // 43 development zones and similar (xxxx7x) and 23 units whose code changed after 2020 or that the census lists without a code
    expect(without.filter((r) => r.region_code[4] === '7')).toHaveLength(43);
    expect(byCode.get('330113')).toMatchObject({ name_zh: '临平区', population_2020: '', working_age_2020: '' }); // created in 2021
    expect(byCode.get('460321')).toMatchObject({ name_zh: '西沙群岛', population_2020: '' }); // in the workbook with 区划代码 NA
  });

  it('never exceeds the population with the working-age figure', () => {
    for (const r of counties.filter((c) => c.population_2020 !== '')) {
      expect(Number(r.working_age_2020), r.region_code).toBeLessThan(Number(r.population_2020));
    }
  });
});

describe('county sums against the prefecture census table', () => {
  const checks = prefectureChecks(regions);
  const differing = checks.filter((c) => c.difference !== 0);
  const check = (code: string) => checks.find((c) => c.code === code);

  it('agree for all but 68 of the 334 prefectures with counties', () => {
    expect(checks).toHaveLength(334);
    expect(differing).toHaveLength(68);
  });

  it('differ where the two tables draw a boundary differently (hand-checked)', () => {
    // Baoding: 9,242,610 in the city table, which leaves out 定州市 (1,095,986) and the Xiong'an counties 容城县
    // (273,164), 安新县 (453,723) and 雄县 (478,553); the county rows include them: exactly +2,301,426.
    expect(check('130600')).toMatchObject({ prefecture: 9242610, counties: 11544036, difference: 2301426, withoutRow: [] });
    // Shenzhen − 65,663 and Shanwei + 65,663: the Shenzhen–Shanwei cooperation zone, counted in Shenzhen by the
    // city table and in Shanwei's 海丰县 by the county table. Guangdong nets to 0.
    expect(check('440300')?.difference).toBe(-65663);
    expect(check('441500')?.difference).toBe(65663);
    // Tacheng: 沙湾市 (654203, was 沙湾县 654223 with 301,046 people) has no row under its new code, and
    // 胡杨河市 (29,891, an XPCC city) is inside the city table's Tacheng figure: −330,937.
    expect(check('654200')).toMatchObject({ difference: -(301046 + 29891), withoutRow: ['654203 沙湾市'] });
  });

  it('sum by province to the differences documented in docs/reference-data.md', () => {
    const provinces = provinceChecks(checks);
    expect(provinces).toHaveLength(21);
    expect(provinces.find((p) => p.provinceCode === '440000')).toEqual({ provinceCode: '440000', differing: 2, difference: 0 });
    expect(provinces.find((p) => p.provinceCode === '130000')?.difference).toBe(2301426);
  });
});

import type { RegionRow } from './region-rows.js';

export interface Zone {
  zone_code: string;
  name_zh: string;
  name_en: string;
}

/** The strategic zones named in the actions. */
export const zones: readonly Zone[] = [
  { zone_code: 'jjj', name_zh: '京津冀（含雄安新区）', name_en: "Beijing-Tianjin-Hebei (incl. Xiong'an New Area)" },
  { zone_code: 'yrd', name_zh: '长三角', name_en: 'Yangtze River Delta' },
  { zone_code: 'gba', name_zh: '粤港澳大湾区', name_en: 'Guangdong-Hong Kong-Macao Greater Bay Area' },
  { zone_code: 'hainan', name_zh: '海南自由贸易港', name_en: 'Hainan Free Trade Port' },
];

/** Zones made of whole provinces: the province and each of its prefectures are members. */
const wholeProvinces: Readonly<Record<string, readonly string[]>> = {
  jjj: ['110000', '120000', '130000'],
  yrd: ['310000', '320000', '330000', '340000'],
  hainan: ['460000'],
};

/**
 * The Greater Bay Area: Hong Kong, Macao and nine Guangdong cities (Guangzhou, Shenzhen, Zhuhai,
 * Foshan, Jiangmen, Zhaoqing, Huizhou, Dongguan, Zhongshan). Guangdong itself is not a member,
 * since its other twelve prefectures lie outside the zone.
 */
const greaterBayArea = ['810000', '820000', '440100', '440300', '440400', '440600', '440700', '441200', '441300', '441900', '442000'];

export interface ZoneMember {
  zone_code: string;
  region_code: string;
}

/** Zone membership at province and prefecture level (counties are not listed). */
export function zoneMembers(regions: readonly RegionRow[]): ZoneMember[] {
  const members: ZoneMember[] = [];
  for (const [zone, provinceCodes] of Object.entries(wholeProvinces)) {
    const inZone = regions.filter((r) => r.level !== 'county' && provinceCodes.includes(r.province_code));
    members.push(...inZone.map((r) => ({ zone_code: zone, region_code: r.region_code })));
  }
  const known = new Set(regions.map((r) => r.region_code));
  for (const code of greaterBayArea) {
    if (!known.has(code)) throw new Error(`Greater Bay Area member ${code} is not in the region table`);
    members.push({ zone_code: 'gba', region_code: code });
  }
  const order = zones.map((z) => z.zone_code);
  return members.sort((a, b) => order.indexOf(a.zone_code) - order.indexOf(b.zone_code) || a.region_code.localeCompare(b.region_code));
}

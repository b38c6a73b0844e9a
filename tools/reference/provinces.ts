/** NBS macro-regions (东部、中部、西部、东北). */
export type MacroRegion = 'east' | 'central' | 'west' | 'northeast';

export interface Province {
  /** GB/T 2260 code, e.g. '110000'. */
  code: string;
  /** Two-letter code used by the china_prov_grid1 tile grid. */
  grid: string;
  nameEn: string;
  /** Empty for Hong Kong, Macao and Taiwan, which are outside the mainland statistical series. */
  macro: MacroRegion | null;
}

/** The 34 provincial-level units: standard English names, grid codes and NBS macro-regions. */
export const provinces: readonly Province[] = [
  { code: '110000', grid: 'BJ', nameEn: 'Beijing', macro: 'east' },
  { code: '120000', grid: 'TJ', nameEn: 'Tianjin', macro: 'east' },
  { code: '130000', grid: 'HE', nameEn: 'Hebei', macro: 'east' },
  { code: '140000', grid: 'SX', nameEn: 'Shanxi', macro: 'central' },
  { code: '150000', grid: 'NM', nameEn: 'Inner Mongolia', macro: 'west' },
  { code: '210000', grid: 'LN', nameEn: 'Liaoning', macro: 'northeast' },
  { code: '220000', grid: 'JL', nameEn: 'Jilin', macro: 'northeast' },
  { code: '230000', grid: 'HL', nameEn: 'Heilongjiang', macro: 'northeast' },
  { code: '310000', grid: 'SH', nameEn: 'Shanghai', macro: 'east' },
  { code: '320000', grid: 'JS', nameEn: 'Jiangsu', macro: 'east' },
  { code: '330000', grid: 'ZJ', nameEn: 'Zhejiang', macro: 'east' },
  { code: '340000', grid: 'AH', nameEn: 'Anhui', macro: 'central' },
  { code: '350000', grid: 'FJ', nameEn: 'Fujian', macro: 'east' },
  { code: '360000', grid: 'JX', nameEn: 'Jiangxi', macro: 'central' },
  { code: '370000', grid: 'SD', nameEn: 'Shandong', macro: 'east' },
  { code: '410000', grid: 'HA', nameEn: 'Henan', macro: 'central' },
  { code: '420000', grid: 'HB', nameEn: 'Hubei', macro: 'central' },
  { code: '430000', grid: 'HN', nameEn: 'Hunan', macro: 'central' },
  { code: '440000', grid: 'GD', nameEn: 'Guangdong', macro: 'east' },
  { code: '450000', grid: 'GX', nameEn: 'Guangxi', macro: 'west' },
  { code: '460000', grid: 'HI', nameEn: 'Hainan', macro: 'east' },
  { code: '500000', grid: 'CQ', nameEn: 'Chongqing', macro: 'west' },
  { code: '510000', grid: 'SC', nameEn: 'Sichuan', macro: 'west' },
  { code: '520000', grid: 'GZ', nameEn: 'Guizhou', macro: 'west' },
  { code: '530000', grid: 'YN', nameEn: 'Yunnan', macro: 'west' },
  { code: '540000', grid: 'XZ', nameEn: 'Tibet (Xizang)', macro: 'west' },
  { code: '610000', grid: 'SN', nameEn: 'Shaanxi', macro: 'west' },
  { code: '620000', grid: 'GS', nameEn: 'Gansu', macro: 'west' },
  { code: '630000', grid: 'QH', nameEn: 'Qinghai', macro: 'west' },
  { code: '640000', grid: 'NX', nameEn: 'Ningxia', macro: 'west' },
  { code: '650000', grid: 'XJ', nameEn: 'Xinjiang', macro: 'west' },
  { code: '710000', grid: 'TW', nameEn: 'Taiwan', macro: null },
  { code: '810000', grid: 'HK', nameEn: 'Hong Kong', macro: null },
  { code: '820000', grid: 'MC', nameEn: 'Macao', macro: null },
];

/** Chinese names of the units none of the mainland code lists carries (Taiwan is in neither source). */
export const extraNamesZh: Readonly<Record<string, string>> = {
  '710000': '台湾省',
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
};

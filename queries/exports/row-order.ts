/**
 * The order of each dataset export's rows: its key, which its SQL sorts by (ascending) and which no two rows
 * share. docs/api.md documents it; provenance documents and data packages carry it (a package's primaryKey).
 */
export const exportRowOrder: Readonly<Record<string, readonly string[]>> = {
  competition: ['competition_code', 'year', 'region_code', 'trade'],
  labor_market: ['quarter', 'region_code', 'occupation_code'],
  published: ['topic', 'indicator_code', 'period_start', 'period_end', 'source_date', 'source_url'],
  'reference-lists': ['list', 'code'],
  region: ['region_code'],
  talent_stock: ['year', 'region_code', 'indicator_code'],
  target: ['program_code', 'period_start', 'period_end', 'region_code'],
  training: ['month', 'region_code', 'program_code', 'field_code'],
};

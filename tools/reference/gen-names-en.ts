/**
 * One-off: writes data/reference/sources/names-en.csv, the English names of every prefecture and
 * county, by romanising the Chinese names with the pinyin-pro package and the rules and overrides
 * in english-names.ts / name-overrides.ts. pinyin-pro is not a project dependency: install it
 * somewhere outside the project and point PINYIN_PRO_HOME at that folder, e.g.
 *
 *   npm install --prefix /tmp/pinyin pinyin-pro@3.29.4
 *   PINYIN_PRO_HOME=/tmp/pinyin npx tsx tools/reference/gen-names-en.ts
 *   npx tsx tools/reference/build-regions.ts
 *
 * Review the diff of names-en.csv: it is kept in the repository and may be corrected by hand.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeCsv } from './csv-io.js';
import { englishNamer } from './english-names.js';
import { repoRoot, sourcesDir } from './paths.js';
import { buildRegionRows } from './region-rows.js';
import { namesFile, readRegionSources } from './region-sources.js';

interface PinyinPro {
  pinyin(text: string, options: { toneType: 'none'; type: 'array' }): string[];
}

const home = process.env.PINYIN_PRO_HOME ?? repoRoot;
const { pinyin } = createRequire(join(home, 'noop.js'))('pinyin-pro') as PinyinPro;

const { rows } = buildRegionRows(
  readRegionSources(sourcesDir),
  englishNamer((hanzi) => pinyin(hanzi, { toneType: 'none', type: 'array' })),
);
const names = rows.filter((r) => r.level !== 'province').map(({ region_code, name_zh, name_en }) => ({ region_code, name_zh, name_en }));
writeCsv(join(sourcesDir, namesFile), ['region_code', 'name_zh', 'name_en'], names);
console.log(`${names.length} English names written to ${join(sourcesDir, namesFile)}`);

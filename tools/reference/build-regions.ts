/**
 * Builds data/reference/region.csv, zone.csv and region_zone.csv from the source copies in
 * data/reference/sources/ (never from ../shared):
 *
 *   npx tsx tools/reference/build-regions.ts
 *
 * The CSVs are the shipped artefact; run this only to regenerate them after changing a source or
 * a rule. It needs no extra package: English names of prefectures and counties come from
 * sources/names-en.csv, which gen-names-en.ts writes once with the pinyin-pro package (not a project
 * dependency). Fallback rules are in region-rows.ts and docs/reference-data.md.
 */
import { region } from '../../core/datasets/reference.js';
import { referenceDir, sourcesDir } from './paths.js';
import { buildRegionFiles } from './region-build.js';

const { counts, log } = buildRegionFiles(sourcesDir, referenceDir);
for (const line of log) console.log(line);
console.log(
  Object.entries(counts)
    .map(([file, n]) => `${file}.csv: ${n} rows`)
    .join('; '),
  `(${region.columns.length} region columns)`,
);

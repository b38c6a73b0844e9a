import type { DuckDBConnection } from '@duckdb/node-api';
import { factDatasets } from '../core/datasets/index.js';
import {
  cc0,
  licenceOfSource,
  mit,
  publishedFacts,
  referenceSources,
  sampleSource,
  type DataSource,
  type Licence,
} from '../core/licences.js';
import { quoteIdent, quoteLiteral } from '../core/sql-text.js';
import type { OutputColumn } from '../queries/lib/define.js';
import type { BoundQuery } from './encode/bound-query.js';

/** Where rows come from, as a provenance document lists it. */
export interface SourceEntry {
  title: string;
  path?: string;
  /** The licence's name (SPDX where one exists); the document's `licenses` gives its title and terms. */
  license: string;
  /** For a value of the rows' `source` column: that value and how many rows of the result carry it. */
  source_value?: string;
  rows?: number;
}

/** The reference code lists (actions, programmes, fields, occupations, zones, competitions), hand-written in the repository. */
export const codeListsSource: DataSource = {
  title:
    'talent-dashboard code lists (actions, programmes, fields, occupations, zones, competitions), written from the published action and classifications',
  path: 'docs/reference-data.md',
  licence: mit,
};

const entry = (source: DataSource): SourceEntry => ({ title: source.title, path: source.path, license: source.licence.name });

/** A value of the `source` column: the synthetic sample (CC0), or a published source named by the value. */
function rowSource(value: string, rows: number): SourceEntry {
  if (value === 'synthetic') return { ...entry(sampleSource), source_value: value, rows };
  return { title: value, license: licenceOfSource(value).name, source_value: value, rows };
}

/** How a result's rows name their sources: a `source` column (the sample or a source's name), or a title and an address. */
export type RowSources = 'source' | 'title-and-address' | null;

export function rowSourcesOf(columns: readonly OutputColumn[]): RowSources {
  const has = (name: string) => columns.some((c) => c.name === name && c.type === 'string');
  if (has('source')) return 'source';
  if (has('source_title') && has('source_url')) return 'title-and-address';
  return null;
}

/** A path the Data Package profile accepts (no leading '.', '/' or '~', no '..'), else none. */
const packagePath = (path: string | null): string | undefined => (path && /^[^./~]/.test(path) && !path.includes('..') ? path : undefined);

/** The sources the rows of a result name, with how many rows name each (one pass over the result). */
export async function sourcesOfRows(
  connection: DuckDBConnection,
  query: BoundQuery,
  kind: Exclude<RowSources, null>,
): Promise<SourceEntry[]> {
  const columns = kind === 'source' ? 'source' : 'source_title, source_url';
  const reader = await connection.runAndReadAll(
    `SELECT ${columns}, count(*)::DOUBLE AS n FROM (${query.sql}\n) GROUP BY ALL ORDER BY ALL NULLS LAST`,
    query.values,
    query.types,
  );
  return reader.getRowObjectsJS().map((row) => {
    if (kind === 'source') return rowSource(String(row.source ?? ''), Number(row.n));
    const path = packagePath(row.source_url === null ? null : String(row.source_url));
    return { title: String(row.source_title ?? ''), ...(path ? { path } : {}), license: publishedFacts.name, rows: Number(row.n) };
  });
}

/** Every `source` value of the snapshot's fact tables (what an analytic computed over them may draw on), per snapshot. */
const snapshotSources = new Map<string, Promise<SourceEntry[]>>();

export function sourcesOfSnapshot(connection: DuckDBConnection, snapshotId: string): Promise<SourceEntry[]> {
  const known = snapshotSources.get(snapshotId);
  if (known) return known;
  const found = (async () => {
    const present = await connection.runAndReadAll(
      `SELECT table_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND column_name = 'source' AND table_name IN (${factDatasets.map((d) => quoteLiteral(d.table)).join(', ')})`,
    );
    const tables = present.getRowObjectsJS().map((row) => String(row.table_name));
    if (tables.length === 0) return [];
    const union = tables.map((t) => `SELECT source FROM ${quoteIdent(t)}`).join(' UNION ALL ');
    const reader = await connection.runAndReadAll(`SELECT DISTINCT source FROM (${union}) WHERE source IS NOT NULL ORDER BY source`);
    return reader.getRowObjectsJS().map((row) => ({ ...rowSource(String(row.source), 0), rows: undefined }));
  })();
  snapshotSources.clear();
  snapshotSources.set(snapshotId, found);
  found.catch(() => snapshotSources.get(snapshotId) === found && snapshotSources.delete(snapshotId));
  return found;
}

const regionColumns = /(^|_)(region|province|area|prefecture)_code$/;
const codeColumns = new Set([
  'program_code',
  'field_code',
  'occupation_code',
  'group_code',
  'competition_code',
  'indicator_code',
  'zone_code',
]);

/**
 * The region reference's sources by what they give: codes and names (GB/T 2260), census population, designated
 * poverty areas. A source not found by its title counts as giving everything, so that none is ever left out.
 */
function regionSource(pattern: RegExp): DataSource[] {
  const found = referenceSources.filter((s) => pattern.test(s.title));
  return found.length ? found : [...referenceSources];
}
const divisionSources = regionSource(/GB\/T 2260/);
const censusSources = regionSource(/census/i);
const povertySources = regionSource(/poverty/i);

const censusColumns = /^(population|working_age)(_|$)/;
const povertyColumns = /^poverty_/;

/**
 * The reference data a result carries: region codes and names (GB/T 2260) with a region column, census population
 * and the designated poverty areas with the columns taken from them, the code lists with a programme, field,
 * occupation, zone or competition code (or as the code lists themselves). An analytic computes over all of them
 * (denominators, designations, names), so it lists them all.
 */
export function referenceSourcesOf(kind: 'query' | 'dataset', name: string, columns: readonly OutputColumn[]): SourceEntry[] {
  const all = kind === 'query';
  const has = (test: (name: string) => boolean) => all || columns.some((c) => test(c.name));
  const regionData = [
    ...(has((c) => regionColumns.test(c)) ? divisionSources : []),
    ...(has((c) => censusColumns.test(c)) ? censusSources : []),
    ...(has((c) => povertyColumns.test(c)) ? povertySources : []),
  ];
  const codes = all || name === 'reference-lists' || columns.some((c) => codeColumns.has(c.name));
  return [...new Set(regionData)].map(entry).concat(codes ? [entry(codeListsSource)] : []);
}

/** The licences of the sources, each once, with their titles and terms. */
export function licencesOf(sources: readonly SourceEntry[]): Licence[] {
  const all = [cc0, mit, publishedFacts, ...referenceSources.map((s) => s.licence)];
  const named = new Set(sources.map((s) => s.license));
  return [...new Map(all.filter((l) => named.has(l.name)).map((l) => [l.name, l])).values()];
}

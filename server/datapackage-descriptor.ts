import type { Lang } from './format.js';
import type { Provenance, ProvenanceColumn } from './provenance.js';

/** One data file of the package as written: its path in the zip, size and SHA-256. */
export interface PackagedFile {
  path: string;
  bytes: number;
  sha256: string;
  rows: number;
}

/** A Table Schema field (Frictionless Data Table Schema v1), with the unit as a custom property. */
interface Field {
  name: string;
  type: string;
  format: 'default';
  title: string;
  description: string;
  unit?: string;
  constraints?: { pattern: string };
}

/** A column's Table Schema type in a file of the package: month text is a yearmonth in CSV, a date in Parquet. */
function fieldType(column: ProvenanceColumn, file: 'csv' | 'parquet'): Pick<Field, 'type' | 'constraints'> {
  if (column.name === 'month' && column.parquet_type) return { type: file === 'parquet' ? 'date' : 'yearmonth' };
  if (column.name === 'quarter' && column.parquet_type)
    return file === 'parquet' ? { type: 'date' } : { type: 'string', constraints: { pattern: '^[0-9]{4}Q[1-4]$' } };
  return { type: column.type };
}

function schemaOf(provenance: Provenance, file: 'csv' | 'parquet', lang: Lang) {
  const fields: Field[] = provenance.columns.map((column) => ({
    name: column.name,
    ...fieldType(column, file),
    format: 'default',
    title: column.label[lang],
    description: column.description[lang],
    ...(column.unit ? { unit: column.unit[lang] } : {}),
  }));
  return { fields, missingValues: [''], ...(provenance.row_order ? { primaryKey: [...provenance.row_order] } : {}) };
}

/**
 * datapackage.json for the files of one request (Frictionless Data Package v1): the CSV as a tabular data
 * resource and the Parquet file as a data resource with the same fields, the sources and licences of the rows,
 * and the data version. Titles and descriptions are in `lang` (English when none was asked for).
 */
export function dataPackageDescriptor(provenance: Provenance, files: { csv: PackagedFile; parquet: PackagedFile }, lang: Lang) {
  const name = provenance.request.name.toLowerCase().replace(/[^-a-z0-9._/]/g, '-');
  const resource = (file: PackagedFile) => ({ path: file.path, bytes: file.bytes, hash: `sha256:${file.sha256}`, row_count: file.rows });
  return {
    profile: 'data-package',
    name,
    title: provenance.title[lang],
    description: provenance.description[lang],
    created: provenance.generated_at,
    data_version: provenance.data_version,
    request: provenance.request,
    licenses: provenance.licenses.map((l) => ({ name: l.name, path: l.path, title: l.title })),
    sources: provenance.sources.map((s) => ({ title: s.title, ...(s.path ? { path: s.path } : {}) })),
    resources: [
      {
        profile: 'tabular-data-resource',
        name,
        ...resource(files.csv),
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: schemaOf(provenance, 'csv', lang),
      },
      {
        profile: 'data-resource',
        name: `${name}-parquet`,
        ...resource(files.parquet),
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        schema: schemaOf(provenance, 'parquet', lang),
      },
    ],
  };
}

import { datasetByName, isRequired, type DatasetSpec } from '../core/datasets/index.js';
import { licenceOfSource, referenceSources, sampleSource } from '../core/licences.js';
import { quoteIdent } from '../core/sql-text.js';
import type { CatalogEntry, CatalogParam, ColumnRules, DatasetDescription, RowSource } from '../core/wire.js';

export type { ColumnRules, DatasetDescription, RowSource } from '../core/wire.js';
import type { QueryDefinition } from '../queries/lib/define.js';
import { exampleUrl } from '../queries/lib/example.js';
import type { AllowedValues } from './allowed-values.js';
import type { Lease } from './snapshot-store.js';

/** Reference lists longer than this are described by their table instead of listed. */
const LIST_LIMIT = 200;

/** A definition as the catalog shows it: titles, parameters with their allowed values, columns, an example URL. */
export async function describeQuery(
  definition: QueryDefinition,
  base: string,
  lease: Lease,
  allowed: AllowedValues,
): Promise<CatalogEntry> {
  const params = await Promise.all(
    Object.entries(definition.params).map(async ([name, spec]): Promise<CatalogParam> => {
      const values = spec.allowedFrom ? await allowed.get(lease.snapshotId, lease.connection, spec.allowedFrom) : spec.allowed;
      return {
        name,
        label: spec.label,
        type:
          spec.sqlType === 'VARCHAR[]'
            ? 'string[]'
            : spec.sqlType === 'VARCHAR'
              ? 'string'
              : spec.sqlType === 'INTEGER'
                ? 'integer'
                : 'number',
        list: spec.list ?? false,
        default: spec.default,
        ...(spec.defaultNote ? { default_note: spec.defaultNote } : {}),
        ...(spec.min !== undefined ? { min: spec.min, max: spec.max } : {}),
        ...(values && values.length <= LIST_LIMIT ? { allowed: values } : {}),
        ...(spec.allowedFrom
          ? { allowed_from: { table: spec.allowedFrom.table, column: spec.allowedFrom.column, count: values?.length ?? 0 } }
          : {}),
        example: spec.example,
      };
    }),
  );
  const entry: CatalogEntry = {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    params,
    columns: definition.columns,
    url: `${base}/${definition.name}`,
    example: exampleUrl(base, definition),
  };
  return base.endsWith('/datasets') ? { ...entry, ...(await describeDataset(definition, lease)) } : entry;
}

function rulesOf(spec: DatasetSpec | undefined): Record<string, ColumnRules> {
  const rules: Record<string, ColumnRules> = {};
  for (const c of spec?.columns ?? []) {
    // A count is a non-negative whole number by its type, whether or not the declaration repeats the bound.
    const min = c.min ?? (c.type === 'count' ? 0 : undefined);
    rules[c.name] = {
      stored_as: c.type,
      key: Boolean(c.key),
      required: isRequired(c),
      ...(min !== undefined ? { min } : {}),
      ...(c.max !== undefined ? { max: c.max } : {}),
      ...(c.allowed ? { allowed: c.allowed } : {}),
      ...(c.references
        ? {
            references: {
              table: c.references.table,
              column: c.references.column,
              ...(c.references.alsoAllowed ? { also_allowed: c.references.alsoAllowed } : {}),
            },
          }
        : {}),
    };
  }
  return rules;
}

/** Row sources are read once per snapshot (snapshots never change once published). */
const sourceCache = new Map<string, Promise<RowSource[]>>();

function sourcesOf(spec: DatasetSpec | undefined, lease: Lease): Promise<RowSource[]> {
  if (!spec?.columns.some((c) => c.name === 'source')) return Promise.resolve([]);
  // The region table is built from the documented reference sources; its source column says which went into a row.
  if (spec.name === 'region') return Promise.resolve(referenceSources.map((s) => ({ name: null, ...s, synthetic: false, rows: null })));
  const key = `${lease.snapshotId}|${spec.table}`;
  let sources = sourceCache.get(key);
  if (!sources) {
    for (const old of sourceCache.keys()) if (!old.startsWith(`${lease.snapshotId}|`)) sourceCache.delete(old);
    sources = lease.connection
      .runAndReadAll(`SELECT source, count(*)::BIGINT AS n FROM ${quoteIdent(spec.table)} GROUP BY source ORDER BY n DESC, source`)
      .then((result) =>
        result.getRows().map(([source, n]): RowSource => {
          const name = String(source);
          const synthetic = name === 'synthetic';
          return {
            name,
            title: synthetic ? sampleSource.title : name,
            path: synthetic ? sampleSource.path : '',
            licence: licenceOfSource(name),
            synthetic,
            rows: Number(n),
          };
        }),
      );
    sources.catch(() => sourceCache.delete(key));
    sourceCache.set(key, sources);
  }
  return sources;
}

async function describeDataset(definition: QueryDefinition, lease: Lease): Promise<DatasetDescription> {
  const spec = datasetByName(definition.name);
  const sources = await sourcesOf(spec, lease);
  const licences = new Set(sources.map((s) => s.licence.name));
  return {
    table: spec?.table ?? null,
    grain: spec?.grain ?? null,
    rules: rulesOf(spec),
    sources,
    licence: licences.size === 1 ? sources[0].licence : null,
  };
}

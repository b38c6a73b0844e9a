import type { CatalogEntry, CatalogParam } from '../core/wire.js';
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
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    params,
    columns: definition.columns,
    url: `${base}/${definition.name}`,
    example: exampleUrl(base, definition),
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExports, loadRegistry, type Registry } from '../../queries/registry.js';
import { bindings } from '../../queries/lib/run.js';
import { sqlOf } from '../../queries/lib/sql-file.js';
import type { ColumnKind, QueryDefinition } from '../../queries/lib/define.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { SCOPE_PARAM } from '../../queries/lib/run.js';

let db: FixtureDb;
let queries: Registry;
let exports: Registry;
beforeAll(async () => {
  db = await buildFixtureDb();
  [queries, exports] = await Promise.all([loadRegistry(), loadExports()]);
});
afterAll(() => db.close());

/** The declared kind a DuckDB result type is served as (server/encode, web/src/decode.ts). */
function kindOf(duckType: string): ColumnKind | `unexpected DuckDB type ${string}` {
  if (duckType === 'VARCHAR') return 'string';
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(duckType)) return 'integer';
  if (duckType === 'DOUBLE' || duckType === 'FLOAT' || /^DECIMAL\(\d+,\d+\)$/.test(duckType)) return 'number';
  if (duckType === 'DATE') return 'date';
  if (duckType === 'BOOLEAN') return 'boolean';
  return `unexpected DuckDB type ${duckType}`;
}

/** Each parameter at its example value (what the catalog and docs advertise). */
const exampleValues = (definition: QueryDefinition) =>
  definition.schema.parse(Object.fromEntries(Object.entries(definition.params).map(([name, spec]) => [name, spec.example])));

describe('every registered query and export', () => {
  it('is exactly the catalog: these analytics and these dataset exports, no more, no fewer', () => {
    expect([...queries.keys()]).toEqual([
      'annual-target-path',
      'annual-target-progress',
      'catalogue-in-province',
      'competition-results',
      'competition-trend',
      'multi-year-target-progress',
      'poverty-areas',
      'poverty-counties',
      'poverty-prefectures',
      'prefecture-trend',
      'programme-headlines',
      'province-target-league',
      'published-figures',
      'region-comparison',
      'region-profile',
      'shortage-occupations',
      'talent-gap',
      'talent-stock',
      'training-by-region',
      'training-trend',
      'zone-pressure',
      'zone-tightest-occupations',
    ]);
    expect([...exports.keys()]).toEqual([
      'competition',
      'labor_market',
      'published',
      'reference-lists',
      'region',
      'talent_stock',
      'target',
      'training',
    ]);
  });

  it('plans against the schema (EXPLAIN) with its defaults and with its example values', async () => {
    for (const definition of [...queries.values(), ...exports.values()]) {
      for (const values of [definition.schema.parse({}), exampleValues(definition)]) {
        const bound = bindings(definition, values);
        await expect(db.connection.run(`EXPLAIN ${sqlOf(definition)}`, bound.values, bound.types), definition.name).resolves.toBeDefined();
      }
    }
  });

  it('uses every parameter it declares, and declares every parameter it uses', () => {
    for (const definition of [...queries.values(), ...exports.values()]) {
      const used = new Set(
        [
          ...sqlOf(definition)
            .replace(/--.*$/gm, '')
            .matchAll(/\$([a-z_][a-z0-9_]*)/g),
        ].map((m) => m[1]),
      );
      // $scope_province is bound by the server from the account, never a request parameter (queries/access.ts).
      used.delete(SCOPE_PARAM);
      expect([...used].sort(), definition.name).toEqual(Object.keys(definition.params).sort());
    }
  });

  it('declares exactly the columns its SQL returns, in order, each of the kind DuckDB gives it (defaults and example values)', async () => {
    for (const definition of [...queries.values(), ...exports.values()]) {
      for (const [label, values] of [
        ['defaults', definition.schema.parse({})],
        ['example values', exampleValues(definition)],
      ] as const) {
        const bound = bindings(definition, values);
        const described = await db.connection.runAndReadAll(`DESCRIBE ${sqlOf(definition)}`, bound.values, bound.types);
        const actual = described.getRowObjectsJS().map((row) => `${String(row.column_name)}: ${kindOf(String(row.column_type))}`);
        const declared = definition.columns.map((column) => `${column.name}: ${column.type}`);
        expect.soft(declared, `${definition.name} (${label}): declared columns vs. DESCRIBE of its SQL`).toEqual(actual);
      }
    }
  });

  it('has Chinese and English titles, descriptions and labels', () => {
    for (const definition of [...queries.values(), ...exports.values()]) {
      expect(
        definition.title.zh && definition.title.en && definition.description.zh && definition.description.en,
        definition.name,
      ).toBeTruthy();
      for (const [name, spec] of Object.entries(definition.params))
        expect(spec.label.zh && spec.label.en, `${definition.name}.${name}`).toBeTruthy();
      for (const column of definition.columns) expect(column.label.zh && column.label.en, `${definition.name}.${column.name}`).toBeTruthy();
    }
  });
});

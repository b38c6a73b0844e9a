import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExports, loadRegistry, type Registry } from '../../queries/registry.js';
import { bindings } from '../../queries/lib/run.js';
import { sqlOf } from '../../queries/lib/sql-file.js';
import type { QueryDefinition } from '../../queries/lib/define.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';

let db: FixtureDb;
let queries: Registry;
let exports: Registry;
beforeAll(async () => {
  db = await buildFixtureDb();
  [queries, exports] = await Promise.all([loadRegistry(), loadExports()]);
});
afterAll(() => db.close());

/** Each parameter at its example value (what the catalog and docs advertise). */
const exampleValues = (definition: QueryDefinition) =>
  definition.schema.parse(Object.fromEntries(Object.entries(definition.params).map(([name, spec]) => [name, spec.example])));

describe('every registered query and export', () => {
  it('is found', () => {
    expect(queries.size).toBeGreaterThanOrEqual(11);
    expect(exports.size).toBeGreaterThanOrEqual(4);
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
      expect([...used].sort(), definition.name).toEqual(Object.keys(definition.params).sort());
    }
  });

  it('returns the columns it declares, with the declared kinds', async () => {
    for (const definition of queries.values()) {
      const bound = bindings(definition, definition.schema.parse({}));
      const result = await db.connection.run(sqlOf(definition), bound.values, bound.types);
      const names = result.columnNames();
      for (const column of definition.columns) expect(names, `${definition.name}.${column.name}`).toContain(column.name);
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

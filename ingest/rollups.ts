import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { factDatasets } from '../core/datasets/index.js';
import { schemaVersion } from '../core/schema-version.js';
import { readChanges, type Changes } from './changes.js';
import { queryRows } from './db.js';

const rollupsSql = readFileSync(new URL('./rollups.sql', import.meta.url), 'utf8');

/** One `CREATE OR REPLACE TABLE <table> AS <body>` of rollups.sql, with the tables its body reads. */
interface RollupStatement {
  table: string;
  sql: string;
  body: string;
  reads: Set<string>;
}

export function rollupStatements(sql = rollupsSql): RollupStatement[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((statement) => {
      const match = /^CREATE OR REPLACE TABLE (\w+) AS\s+([\s\S]+)$/.exec(statement);
      if (!match) throw new Error(`rollups.sql: expected CREATE OR REPLACE TABLE <name> AS …, found ${statement.slice(0, 60)}`);
      const reads = new Set([...match[2].matchAll(/\b(?:FROM|JOIN)\s+(\w+)/g)].map((m) => m[1]));
      return { table: match[1], sql: statement, body: match[2], reads };
    });
}

export interface RollupRebuild {
  /** 'full': every rollup rebuilt from the facts; 'partial': only what the loaded rows and tables change. */
  mode: 'full' | 'partial';
  /** In partial mode, per fact table, the (period, province) partitions rebuilt. */
  partitions: Record<string, number>;
  /** Rollup tables rebuilt in whole or in part. */
  tables: string[];
}

/**
 * Rebuilds the pre-aggregated tables the dashboard reads (rollups.sql) inside the snapshot being built. When
 * the snapshot is a copy of a live one built by this schema (`fromPrevious`), only what the ingest changed is
 * rebuilt: a rollup that reads a changed table is rebuilt whole, and one that reads a fact table of which only
 * some (period, region) rows were loaded has just the (period, province) partitions they fall in deleted and
 * summed again from the facts. Every fact-reading rollup is grouped by its fact's period and by province, so
 * the partitions summed again are exactly those the loaded rows can change.
 */
export async function rebuildRollups(connection: DuckDBConnection, fromPrevious = false): Promise<RollupRebuild> {
  const statements = rollupStatements();
  let result: RollupRebuild;
  if (fromPrevious && (await builtByThisSchema(connection, statements))) {
    result = await rebuildChanged(connection, statements, await readChanges(connection, factDatasets));
  } else {
    await connection.run(rollupsSql);
    result = { mode: 'full', partitions: {}, tables: statements.map((s) => s.table) };
  }
  // The schema the snapshot was built with, read by the start-up step (tools/bootstrap-data.ts).
  await connection.run(`CREATE OR REPLACE TABLE snapshot_info AS SELECT 'schema_version' AS key, '${schemaVersion}' AS value`);
  return result;
}

async function builtByThisSchema(connection: DuckDBConnection, statements: RollupStatement[]): Promise<boolean> {
  const tables = new Set(
    (await queryRows<{ name: string }>(connection, 'SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary')).map(
      (t) => t.name,
    ),
  );
  if (!tables.has('snapshot_info') || statements.some((s) => !tables.has(s.table))) return false;
  const rows = await queryRows<{ value: string }>(connection, "SELECT value FROM snapshot_info WHERE key = 'schema_version'");
  return rows[0]?.value === String(schemaVersion);
}

async function rebuildChanged(connection: DuckDBConnection, statements: RollupStatement[], changes: Changes): Promise<RollupRebuild> {
  const partitions: Record<string, number> = {};
  for (const [fact, { touched, period }] of changes.partitioned) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${fact}_partitions AS
      SELECT DISTINCT t.period, r.province_code FROM ${touched} t JOIN region r USING (region_code)`);
    // The fact rows of those partitions: every region of each touched province, in each touched period.
    await connection.run(`CREATE OR REPLACE TEMP VIEW ${fact}_in_partitions AS
      SELECT f.* FROM ${fact} f
      SEMI JOIN (SELECT p.period, r.region_code FROM ${fact}_partitions p JOIN region r USING (province_code)) s
        ON f.${period} = s.period AND f.region_code = s.region_code`);
    partitions[fact] = (await queryRows<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM ${fact}_partitions`))[0].n;
  }
  const changed = new Set(changes.tables);
  const rebuilt: string[] = [];
  for (const statement of statements) {
    const reads = [...statement.reads];
    const facts = reads.filter((t) => changes.partitioned.has(t));
    if (reads.some((t) => changed.has(t)) || facts.length > 1) {
      await connection.run(statement.sql);
    } else if (facts.length === 1) {
      const [fact] = facts;
      const { period } = changes.partitioned.get(fact)!;
      await connection.run(`DELETE FROM ${statement.table} r USING ${fact}_partitions p
        WHERE r.${period} = p.period AND r.province_code = p.province_code`);
      const body = statement.body.replace(new RegExp(`\\b(FROM|JOIN)\\s+${fact}\\b`, 'g'), `$1 ${fact}_in_partitions`);
      await connection.run(`INSERT INTO ${statement.table} SELECT * FROM (${body})`);
    } else {
      continue;
    }
    changed.add(statement.table);
    rebuilt.push(statement.table);
  }
  return { mode: 'partial', partitions, tables: rebuilt };
}

import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { datasets, factDatasets } from '../core/datasets/index.js';
import { schemaVersion } from '../core/schema-version.js';
import { readChanges, type Changes } from './changes.js';
import { constantList, queryRows } from './db.js';
import { dropLayers, replacePartitions } from './layers.js';
import { relationNames, snapshotInfo } from '../core/snapshot-open.js';

const referenceTables = new Set(datasets.filter((d) => d.kind === 'reference').map((d) => d.table));

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
  /** Those of them rebuilt in part (partial mode). */
  inPart: string[];
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
    result = { mode: 'full', partitions: {}, tables: statements.map((s) => s.table), inPart: [] };
  }
  // The schema the snapshot was built with, read by the start-up step (tools/bootstrap-data.ts).
  await connection.run(`CREATE OR REPLACE TABLE snapshot_info AS SELECT 'schema_version' AS key, '${schemaVersion}' AS value`);
  return result;
}

async function builtByThisSchema(connection: DuckDBConnection, statements: RollupStatement[]): Promise<boolean> {
  // A layered snapshot's rollups are views of its base.
  const relations = await relationNames(connection);
  if (statements.some((s) => !relations.has(s.table))) return false;
  return (await snapshotInfo(connection)).get('schema_version') === String(schemaVersion);
}

/** A table rebuilt in some partitions only: which (the temporary table listing them) and by what columns. */
interface Partitioned {
  partitions: string;
  period: string;
  byProvince: boolean;
  /** A view of the rows of the source that fall in the partitions (facts only: a rollup's is made per reader). */
  scope?: string;
}

async function rebuildChanged(connection: DuckDBConnection, statements: RollupStatement[], changes: Changes): Promise<RollupRebuild> {
  const partial = new Map<string, Partitioned>();
  const partitions: Record<string, number> = {};
  for (const [fact, { touched, period }] of changes.partitioned) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${fact}_partitions AS
      SELECT DISTINCT t.period, r.province_code FROM ${touched} t JOIN region r USING (region_code)`);
    // The fact rows of those partitions: every region of each touched province, in each touched period (the
    // periods also as constants, which prune the row groups between them: see constantList).
    const periods = await constantList(connection, 'period', `${fact}_partitions`);
    await connection.run(`CREATE OR REPLACE TEMP VIEW ${fact}_in_partitions AS
      SELECT f.* FROM ${fact} f
      SEMI JOIN (SELECT p.period, r.region_code FROM ${fact}_partitions p JOIN region r USING (province_code)) s
        ON f.${period} = s.period AND f.region_code = s.region_code
      ${periods ? `WHERE f.${period} IN (${periods})` : ''}`);
    partitions[fact] = (await queryRows<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM ${fact}_partitions`))[0].n;
    // A file of no rows (a header only) touches no partition: nothing that reads the fact changes.
    if (partitions[fact] === 0) continue;
    partial.set(fact, { partitions: `${fact}_partitions`, period, byProvince: true, scope: `${fact}_in_partitions` });
  }
  const changed = new Set(changes.tables);
  const rebuilt: string[] = [];
  for (const statement of statements) {
    const reads = [...statement.reads];
    const sources = reads.filter((t) => partial.has(t));
    const wholly = reads.some((t) => changed.has(t));
    if (!wholly && sources.length === 0) continue;
    rebuilt.push(statement.table);
    const into = !wholly && sources.length === 1 ? await partitionsFor(connection, statement, sources[0], partial) : null;
    if (!into) {
      await dropLayers(connection, statement.table);
      await connection.run(statement.sql);
      changed.add(statement.table);
      continue;
    }
    const source = partial.get(sources[0])!;
    const body = statement.body.replace(new RegExp(`\\b(FROM|JOIN)\\s+${sources[0]}\\b`, 'g'), `$1 ${into.scope ?? source.scope}`);
    await replacePartitions(connection, statement.table, into, body);
    partial.set(statement.table, { partitions: into.partitions, period: into.period, byProvince: into.byProvince });
  }
  return { mode: 'partial', partitions, tables: rebuilt, inPart: rebuilt.filter((t) => partial.has(t)) };
}

/**
 * The partitions of a statement's table that a source changed in some partitions can change, or null when it
 * must be rebuilt whole. A fact-reading rollup keeps its fact's period column and province: its partitions are
 * the fact's. A rollup summed from one other rollup (joined to reference tables at most) is partitioned by the
 * source's period column or, when it has `year` instead, by the year of it, and by province when both have it;
 * one that reads two rollups (or reaches across periods) is rebuilt whole.
 */
async function partitionsFor(
  connection: DuckDBConnection,
  statement: RollupStatement,
  sourceName: string,
  partial: Map<string, Partitioned>,
): Promise<Partitioned | null> {
  const source = partial.get(sourceName)!;
  const columns = new Set(
    (
      await queryRows<{ name: string }>(
        connection,
        `SELECT column_name AS name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = '${statement.table}'`,
      )
    ).map((c) => c.name),
  );
  if (factDatasets.some((d) => d.table === sourceName)) {
    return columns.has(source.period) && columns.has('province_code') ? { ...source, scope: undefined } : null;
  }
  const ctes = new Set([...statement.body.matchAll(/(?:WITH|,)\s*(\w+)\s+AS\s*\(/g)].map((m) => m[1]));
  const others = [...statement.reads].filter((t) => t !== sourceName && !ctes.has(t));
  if (!others.every((t) => referenceTables.has(t))) return null;
  const byYear = !columns.has(source.period) && columns.has('year') && (source.period === 'month' || source.period === 'quarter');
  if (!columns.has(source.period) && !byYear) return null;
  const byProvince = source.byProvince && columns.has('province_code');
  const period = byYear ? 'year' : source.period;
  const partitions = `${statement.table}_partitions`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${partitions} AS
    SELECT DISTINCT ${byYear ? 'year(period)' : 'period'} AS period${byProvince ? ', province_code' : ''} FROM ${source.partitions}`);
  const scope = `${statement.table}_source`;
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${scope} AS
    SELECT s.* FROM ${sourceName} s SEMI JOIN ${partitions} p
      ON ${byYear ? `year(s.${source.period})` : `s.${source.period}`} = p.period${byProvince ? ' AND s.province_code = p.province_code' : ''}`);
  return { partitions, period, byProvince, scope };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { competition, laborMarket, talentStock, training } from '../../core/datasets/facts.js';
import { target } from '../../core/datasets/reference.js';
import type { DatasetSpec } from '../../core/datasets/index.js';
import type { SeedOptions } from './options.js';
import { planFor, type FieldMode, type ProgramRows, type SeedPlan, type UnitLevel } from './plan.js';
import { loadReference } from './reference.js';
import { quoteLiteral } from '../../core/sql-text.js';
import { seedSql } from './sql-files.js';
import { setPlanVariables, setVariable } from './variables.js';
import { writeFact, type WrittenFile } from './write.js';

export interface SeedResult {
  plan: SeedPlan;
  files: WrittenFile[];
  milliseconds: number;
}

/** Set-up scripts run before the plan is known (they only depend on the reference and the seed). */
const setupScripts = ['regions', 'training-config', 'training-fields', 'training-cells'];
/** Scripts that read the plan's variables. */
const planScripts = ['calendar', 'training-prep', 'labor-market-prep', 'competition-prep', 'talent-stock-prep'];
/** Each fact: its declaration, the .sql file holding its final SELECT, and whether it is written a year at a time. */
const facts: readonly { spec: DatasetSpec; sql: string; byYear: boolean }[] = [
  { spec: training, sql: 'training', byYear: true },
  { spec: laborMarket, sql: 'labor-market', byYear: true },
  { spec: competition, sql: 'competition', byYear: false },
  { spec: talentStock, sql: 'talent-stock', byYear: false },
];

async function readProgramRows(connection: DuckDBConnection): Promise<ProgramRows[]> {
  const result = await connection.runAndReadAll('SELECT unit_level, program_code, field_mode, rows_per_month::DOUBLE AS rows FROM tier');
  return result.getRowObjectsJson().map((row) => ({
    unitLevel: String(row.unit_level) as UnitLevel,
    programCode: String(row.program_code),
    fieldMode: String(row.field_mode) as FieldMode,
    rowsPerMonth: Number(row.rows),
  }));
}

/** The sample's province targets (tools/seed/sql/province-targets.sql), from the training file just written. */
async function writeProvinceTargets(
  connection: DuckDBConnection,
  files: readonly WrittenFile[],
  options: SeedOptions,
): Promise<WrittenFile> {
  const trainingFile = files.find((f) => f.dataset === training.name);
  if (!trainingFile) throw new Error('province targets need the training file');
  const path = quoteLiteral(trainingFile.path);
  const read = options.format === 'csv' ? `read_csv(${path}, all_varchar = true, header = true)` : `read_parquet(${path})`;
  await connection.run(`CREATE OR REPLACE TEMP VIEW sample_training AS SELECT * FROM ${read}`);
  return writeFact(connection, target, seedSql('province-targets'), options.outDir, options.format);
}

async function countOf(connection: DuckDBConnection, sql: string): Promise<number> {
  const result = await connection.runAndReadAll(`SELECT (${sql})::INTEGER AS n`);
  return Number(result.getRowObjectsJson()[0]?.n ?? 0);
}

/**
 * Generates the four fact files from the reference CSVs, in an in-memory DuckDB.
 * The small set-up tables are built on one thread (so that even their floating-point sums are the
 * same every run); the large facts are per-row functions of their keys, written in key order.
 */
export async function generateSample(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  // Should a sort spill to disk, it goes to a private temporary directory, not the working one.
  const spill = await mkdtemp(join(tmpdir(), 'talent-seed-'));
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: spill });
  const connection = await instance.connect();
  try {
    await connection.run('SET threads = 1');
    await setVariable(connection, 'seed', options.seed, 'BIGINT');
    await connection.run(seedSql('macros'));
    await loadReference(connection, options.referenceDir);
    for (const script of setupScripts) await connection.run(seedSql(script));

    const units = {
      prefecture: await countOf(connection, "SELECT count(*) FROM unit WHERE unit_level = 'prefecture'"),
      county: await countOf(connection, "SELECT count(*) FROM unit WHERE unit_level = 'county'"),
    };
    const occupations = await countOf(connection, "SELECT count(*) FROM ref_occupation WHERE level = 'occupation'");
    const plan = planFor(options.scale, await readProgramRows(connection), units, occupations);
    await setPlanVariables(connection, plan);
    for (const script of planScripts) await connection.run(seedSql(script));

    await connection.run('RESET threads');
    const files: WrittenFile[] = [];
    const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);
    for (const fact of facts) {
      files.push(
        await writeFact(connection, fact.spec, seedSql(fact.sql), options.outDir, options.format, fact.byYear ? years : undefined),
      );
    }
    files.push(await writeProvinceTargets(connection, files, options));
    return { plan, files, milliseconds: performance.now() - started };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
}

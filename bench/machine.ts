import { DuckDBInstance } from '@duckdb/node-api';
import { availableParallelism, cpus, release, totalmem } from 'node:os';

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  duckdb: string;
}

/** What the figures were measured on. */
export async function describeMachine(): Promise<Machine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const version = String((await connection.runAndReadAll('SELECT version()')).getRows()[0][0]);
    return {
      nproc: availableParallelism(),
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      os: `${process.platform} ${release()}`,
      node: process.version,
      duckdb: version,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

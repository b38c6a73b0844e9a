import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryDefinition } from '../queries/lib/define.js';
import { bindings } from '../queries/lib/run.js';
import { sqlOf } from '../queries/lib/sql-file.js';

/** One operator of a profiled plan, by the time spent in it. */
interface OperatorCost {
  operator: string;
  ms: number;
  rowsOut: number;
  rowsScanned: number;
  /** The table scanned, CTE or the operator's first detail, shortened. */
  detail: string;
}

/** Where a query's time goes: EXPLAIN (ANALYZE, FORMAT json), summed up. */
export interface QueryProfile {
  latencyMs: number;
  cpuMs: number;
  rowsScanned: number;
  /** The most expensive operators, most expensive first. */
  top: OperatorCost[];
}

interface ProfileNode {
  operator_name?: string;
  operator_timing?: number;
  operator_cardinality?: number;
  operator_rows_scanned?: number;
  extra_info?: Record<string, unknown>;
  children?: ProfileNode[];
  latency?: number;
  cpu_time?: number;
  cumulative_rows_scanned?: number;
}

function detailOf(info: Record<string, unknown> = {}): string {
  const preferred = ['Table', 'CTE Name', 'Groups', 'Join Type', 'Conditions', 'Filters', 'Aggregates', 'Projections'];
  const key = preferred.find((k) => info[k] !== undefined) ?? Object.keys(info).find((k) => k !== 'Estimated Cardinality');
  if (!key) return '';
  const value = info[key];
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return `${key}: ${text.replace(/\s+/g, ' ').slice(0, 120)}`;
}

function operators(node: ProfileNode, into: OperatorCost[]): OperatorCost[] {
  if (node.operator_name && node.operator_name !== 'EXPLAIN_ANALYZE') {
    into.push({
      operator: node.operator_name.trim(),
      ms: (node.operator_timing ?? 0) * 1000,
      rowsOut: node.operator_cardinality ?? 0,
      rowsScanned: node.operator_rows_scanned ?? 0,
      detail: detailOf(node.extra_info),
    });
  }
  for (const child of node.children ?? []) operators(child, into);
  return into;
}

/** Profiles a catalog query with the same bound parameters as the benchmark ran it. */
export async function profileQuery(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  top = 8,
): Promise<QueryProfile> {
  const bound = bindings(definition, values as never);
  const reader = await connection.runAndReadAll(`EXPLAIN (ANALYZE, FORMAT json) ${sqlOf(definition)}`, bound.values, bound.types);
  const root = JSON.parse(String(reader.getRows()[0][1])) as ProfileNode;
  return {
    latencyMs: (root.latency ?? 0) * 1000,
    cpuMs: (root.cpu_time ?? 0) * 1000,
    rowsScanned: root.cumulative_rows_scanned ?? 0,
    top: operators(root, [])
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

/** A profile as a few readable lines. */
export const describeProfile = (p: QueryProfile): string =>
  [
    `${p.latencyMs.toFixed(1)} ms (CPU ${p.cpuMs.toFixed(1)} ms), ${p.rowsScanned.toLocaleString('en-US')} rows scanned; top operators:`,
    ...p.top.map(
      (o) =>
        `  ${o.ms.toFixed(1)} ms ${o.operator} → ${o.rowsOut.toLocaleString('en-US')} rows${o.rowsScanned ? ` (scanned ${o.rowsScanned.toLocaleString('en-US')})` : ''} ${o.detail}`,
    ),
  ].join('\n');

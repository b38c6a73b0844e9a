import type { DuckDBConnection } from '@duckdb/node-api';
import type { ParamSpec } from '../queries/lib/params.js';
import type { QueryDefinition } from '../queries/lib/define.js';
import type { AllowedValues } from './allowed-values.js';
import { HttpProblem, type InvalidParam } from './problem.js';

/** Query-string keys that select the output, not the query's parameters. */
const outputKeys = new Set(['format']);

function describeAllowed(spec: ParamSpec): string | undefined {
  if (spec.allowed) return spec.allowed.join(', ');
  if (spec.min !== undefined && spec.max !== undefined) return `${spec.min}–${spec.max}`;
  if (spec.allowedFrom) return `codes in ${spec.allowedFrom.table} (see GET /api/queries)`;
  return undefined;
}

const invalidProblem = (definition: QueryDefinition, invalid: InvalidParam[]) =>
  new HttpProblem(400, 'Invalid parameters', `${invalid.length} parameter(s) of '${definition.name}' are invalid`, invalid);

/** Pairs of parameters that bound a range: the first may not come after the second. */
const ranges = [
  ['from', 'to'],
  ['from_year', 'to_year'],
  ['from_month', 'to_month'],
  ['from_quarter', 'to_quarter'],
] as const;

function rangeProblems(values: Record<string, unknown>): InvalidParam[] {
  return ranges.flatMap(([first, last]) => {
    const a = values[first];
    const b = values[last];
    if (a === null || a === undefined || b === null || b === undefined || !(String(a) > String(b))) return [];
    return [{ name: first, reason: `${first} (${String(a)}) comes after ${last} (${String(b)})` }];
  });
}

/** Validates a request's parameters against the query's schema (types, ranges, formats, unknown names). */
export function parseShape(definition: QueryDefinition, query: Record<string, unknown>): Record<string, unknown> {
  const raw = Object.fromEntries(Object.entries(query).filter(([k]) => !outputKeys.has(k)));
  const parsed = definition.schema.safeParse(raw);
  const invalid: InvalidParam[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          invalid.push({ name: key, reason: 'unknown parameter', allowed: Object.keys(definition.params).join(', ') });
        continue;
      }
      const name = String(issue.path[0] ?? '');
      const spec = definition.params[name];
      invalid.push({ name, reason: issue.message, ...(spec ? { allowed: describeAllowed(spec) } : {}) });
    }
    throw invalidProblem(definition, invalid);
  }
  const values = parsed.data as Record<string, unknown>;
  const crossProblems = [...rangeProblems(values), ...(definition.check?.(values as never) ?? [])];
  if (crossProblems.length) throw invalidProblem(definition, crossProblems);
  return values;
}

/** Checks every code parameter against the snapshot's reference tables. */
export async function checkCodes(
  definition: QueryDefinition,
  values: Record<string, unknown>,
  context: { snapshotId: string; connection: DuckDBConnection; allowed: AllowedValues },
): Promise<void> {
  const invalid: InvalidParam[] = [];
  for (const [name, spec] of Object.entries(definition.params)) {
    const value = values[name];
    if (!spec.allowedFrom || value === null || value === undefined) continue;
    const known = new Set([
      ...(spec.allowedFrom.alsoAllowed ?? []),
      ...(await context.allowed.get(context.snapshotId, context.connection, spec.allowedFrom)),
    ]);
    const unknown = (Array.isArray(value) ? value : [value]).map(String).filter((v) => !known.has(v));
    if (unknown.length) {
      const examples = [...known].slice(0, 40).join(', ');
      invalid.push({
        name,
        reason: `unknown code(s): ${unknown.slice(0, 10).join(', ')}`,
        allowed: `${examples}${known.size > 40 ? ', …' : ''}`,
      });
    }
  }
  if (invalid.length) throw invalidProblem(definition, invalid);
}

/** parseShape then checkCodes: a 400 problem names each bad parameter and what it allows. */
export async function parseParams(
  definition: QueryDefinition,
  query: Record<string, unknown>,
  context: { snapshotId: string; connection: DuckDBConnection; allowed: AllowedValues },
): Promise<Record<string, unknown>> {
  const values = parseShape(definition, query);
  await checkCodes(definition, values, context);
  return values;
}

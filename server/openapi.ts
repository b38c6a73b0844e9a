import type { QueryDefinition } from '../queries/lib/define.js';
import type { ParamSpec } from '../queries/lib/params.js';
import type { Registry } from '../queries/registry.js';

const formatParam = {
  name: 'format',
  in: 'query',
  required: false,
  description: 'Output format (overrides the Accept header).',
  schema: { type: 'string', enum: ['json', 'csv', 'arrow', 'parquet'], default: 'json' },
};

function paramSchema(spec: ParamSpec): Record<string, unknown> {
  const base =
    spec.sqlType === 'VARCHAR[]'
      ? { type: 'array', items: { type: 'string' } }
      : { type: spec.sqlType === 'VARCHAR' ? 'string' : spec.sqlType === 'INTEGER' ? 'integer' : 'number' };
  return {
    ...base,
    ...(spec.allowed ? { enum: spec.allowed } : {}),
    ...(spec.min !== undefined ? { minimum: spec.min, maximum: spec.max } : {}),
    ...(spec.default !== null ? { default: spec.default } : {}),
  };
}

const responses = {
  200: {
    description: 'The result',
    content: {
      'application/json': {},
      'text/csv': {},
      'application/vnd.apache.arrow.stream': {},
      'application/vnd.apache.parquet': {},
    },
  },
  304: { description: 'Not modified (ETag matched)' },
  400: { description: 'Invalid parameters (problem details naming each one)', content: { 'application/problem+json': {} } },
  503: { description: 'The query ran over its time limit and was stopped', content: { 'application/problem+json': {} } },
};

function operation(definition: QueryDefinition, tag: string) {
  return {
    get: {
      tags: [tag],
      operationId: `${tag}_${definition.name}`.replace(/[^A-Za-z0-9_]/g, '_'),
      summary: `${definition.title.en} / ${definition.title.zh}`,
      description: `${definition.description.en}\n\n${definition.description.zh}`,
      parameters: [
        ...Object.entries(definition.params).map(([name, spec]) => ({
          name,
          in: 'query',
          required: false,
          description: `${spec.label.en} / ${spec.label.zh}${spec.defaultNote ? ` (default: ${spec.defaultNote})` : ''}${spec.list ? '; comma-separated' : ''}${spec.allowedFrom ? `; codes in ${spec.allowedFrom.table}` : ''}`,
          schema: paramSchema(spec),
          example: spec.example,
        })),
        formatParam,
      ],
      responses,
    },
  };
}

/** The OpenAPI 3.1 document, generated from the registries. */
export function openApiDocument(queries: Registry, exports: Registry) {
  const paths: Record<string, unknown> = {
    '/api/queries': { get: { tags: ['catalog'], summary: 'The analytics catalog', responses: { 200: { description: 'Catalog' } } } },
    '/api/datasets': { get: { tags: ['catalog'], summary: 'The exportable datasets', responses: { 200: { description: 'Datasets' } } } },
    '/api/meta': {
      get: { tags: ['meta'], summary: 'Snapshot, freshness, lineage and row counts', responses: { 200: { description: 'Meta' } } },
    },
    '/api/health': {
      get: { tags: ['meta'], summary: 'Health', responses: { 200: { description: 'Serving' }, 503: { description: 'No snapshot' } } },
    },
  };
  for (const q of queries.values()) paths[`/api/queries/${q.name}`] = operation(q, 'queries');
  for (const d of exports.values()) paths[`/api/datasets/${d.name}`] = operation(d, 'datasets');
  return {
    openapi: '3.1.0',
    info: {
      title: 'talent-dashboard API',
      version: '1.0.0',
      description: 'Analytics of the special action for talent services. Every response carries the data version in X-Data-Version.',
    },
    paths,
  };
}

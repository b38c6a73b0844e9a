import type { OutputColumn } from '../core/wire.js';
import type { QueryDefinition } from '../queries/lib/define.js';
import { exampleUrl } from '../queries/lib/example.js';
import type { ParamSpec } from '../queries/lib/params.js';
import type { Registry } from '../queries/registry.js';
import type { EntryAccess } from '../queries/access.js';
import { accessOf } from './access/entry-access.js';

const formatParam = {
  name: 'format',
  in: 'query',
  required: false,
  description:
    "Output format (overrides the Accept header): rows, provenance (the provenance document of the same request, a CSV's sidecar) or datapackage (a zip of CSV, Parquet and datapackage.json). Two more output keys go with it: lang=zh|en (CSV headers as labels with units; absent: machine names) and meta=false (no provenance in JSON, Arrow and Parquet); see docs/api.md.",
  schema: { type: 'string', enum: ['json', 'csv', 'arrow', 'parquet', 'provenance', 'datapackage'], default: 'json' },
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

/** Changes made with the session cookie carry the token of GET /api/session (docs/access.md). */
const csrfHeader = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: false,
  description: 'Required with the session cookie; not with a Bearer token',
  schema: { type: 'string' },
};

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const responses = {
  200: {
    description: 'The result',
    content: {
      'application/json': {},
      'text/csv': {},
      'application/vnd.apache.arrow.stream': {},
      'application/vnd.apache.parquet': {},
      'application/zip': {},
    },
  },
  304: { description: 'Not modified (ETag matched)' },
  400: { description: 'Invalid parameters (problem details naming each one)', content: { 'application/problem+json': {} } },
  401: {
    description: 'Sign-in required (enforced mode): a token or session with a role that reaches',
    content: { 'application/problem+json': {} },
  },
  403: { description: "The account's role, or an official's province, does not reach", content: { 'application/problem+json': {} } },
  503: { description: 'The query ran over its time limit and was stopped', content: { 'application/problem+json': {} } },
};

/** One output column of a JSON row: its JSON type, and its labels and unit in both languages (x-label, x-unit). */
function columnSchema(column: OutputColumn): Record<string, unknown> {
  const type = column.type === 'date' ? 'string' : column.type;
  return {
    type: [type, 'null'],
    ...(column.type === 'date' ? { format: 'date' } : {}),
    title: column.label.en,
    description: `${column.label.en} / ${column.label.zh}${column.unit ? ` (${column.unit.en} / ${column.unit.zh})` : ''}`,
    'x-label': column.label,
    ...(column.unit ? { 'x-unit': column.unit } : {}),
  };
}

/** The JSON body of a result (see server/encode/json.ts), with the declared columns of its rows. */
function jsonBodySchema(definition: QueryDefinition): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      name: { type: 'string' },
      snapshot: { type: 'string', description: 'The data version the rows come from' },
      params: { type: 'object', description: 'The parameters applied, defaults filled in' },
      columns: { type: 'array', description: 'The columns: name, type, label and unit' },
      meta: { type: 'object', description: 'The provenance: data version, request, sources, licences, columns (absent with meta=false)' },
      rows: {
        type: 'array',
        items: { type: 'object', properties: Object.fromEntries(definition.columns.map((c) => [c.name, columnSchema(c)])) },
      },
      row_count: { type: 'integer' },
    },
  };
}

/**
 * A GET operation. Besides the standard fields: x-title and x-description (both languages); on each parameter
 * x-label, x-default-note (what an absent value means) and x-codes-from (the reference table its codes are in);
 * and x-example, a request that runs on the data (the first two parameters with their example values).
 */
function operation(definition: QueryDefinition, tag: 'queries' | 'datasets') {
  const access: EntryAccess = accessOf(tag === 'queries' ? 'query' : 'dataset', definition.name);
  return {
    get: {
      'x-access': access,
      // Public entries need no credentials; the others take a token or the browser session (docs/access.md).
      security:
        access.minRole === 'public' && !access.provinceScoped
          ? []
          : access.minRole === 'public'
            ? [{}, { bearer: [] }, { session: [] }]
            : [{ bearer: [] }, { session: [] }],
      tags: [tag],
      operationId: `${tag}_${definition.name}`.replace(/[^A-Za-z0-9_]/g, '_'),
      summary: `${definition.title.en} / ${definition.title.zh}`,
      description: `${definition.description.en}\n\n${definition.description.zh}`,
      'x-title': definition.title,
      'x-description': definition.description,
      'x-example': exampleUrl(`/api/${tag}`, definition),
      parameters: [
        ...Object.entries(definition.params).map(([name, spec]) => ({
          name,
          in: 'query',
          required: false,
          description: `${spec.label.en} / ${spec.label.zh}${spec.defaultNote ? ` (default: ${spec.defaultNote})` : ''}${spec.list ? '; comma-separated' : ''}${spec.allowedFrom ? `; codes in ${spec.allowedFrom.table}` : ''}`,
          schema: paramSchema(spec),
          example: spec.example,
          'x-label': spec.label,
          ...(spec.defaultNote ? { 'x-default-note': spec.defaultNote } : {}),
          ...(spec.allowedFrom ? { 'x-codes-from': { table: spec.allowedFrom.table, column: spec.allowedFrom.column } } : {}),
        })),
        formatParam,
      ],
      responses: {
        ...responses,
        200: { ...responses[200], content: { ...responses[200].content, 'application/json': { schema: jsonBodySchema(definition) } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document, generated from the registries; docNames: the documents GET /api/docs/{name} serves. */
export function openApiDocument(queries: Registry, exports: Registry, docNames: readonly string[]) {
  const paths: Record<string, unknown> = {
    '/api/queries': { get: { tags: ['catalog'], summary: 'The analytics catalog', responses: { 200: { description: 'Catalog' } } } },
    '/api/datasets': { get: { tags: ['catalog'], summary: 'The exportable datasets', responses: { 200: { description: 'Datasets' } } } },
    '/api/meta': {
      get: {
        tags: ['meta'],
        summary: 'Snapshot, freshness, lineage, row counts, and the licences and sources of the data',
        responses: { 200: { description: 'Meta' } },
      },
    },
    '/api/docs/{name}': {
      get: {
        tags: ['meta'],
        summary: 'A document of the product as Markdown (English): data-model, sources, sample, reference',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: [...docNames] } }],
        responses: { 200: { description: 'The document', content: { 'text/markdown': {} } }, 404: { description: 'No such document' } },
      },
    },
    '/api/session': {
      get: {
        tags: ['access'],
        summary: 'Who is signed in, the mode (open or enforced) and the CSRF token for changes',
        responses: { 200: { description: 'SessionInfo' } },
      },
      post: {
        tags: ['access'],
        summary: 'Sign in with a token (JSON {"token": "…"}); sets the HttpOnly session cookie. Needs X-CSRF-Token',
        parameters: [csrfHeader],
        responses: {
          200: { description: 'SessionInfo' },
          401: { description: 'Not an active token' },
          409: { description: 'Open demo mode: no sign-in' },
        },
      },
      delete: {
        tags: ['access'],
        summary: 'Sign out (ends the session)',
        parameters: [csrfHeader],
        responses: { 204: { description: 'Signed out' } },
      },
    },
    '/api/submissions': {
      get: {
        tags: ['submissions'],
        summary: 'Submissions the caller may see (official: their province; planner: all), newest first',
        security: [{ bearer: [] }, { session: [] }],
        responses: { 200: { description: '{ submissions }' } },
      },
      post: {
        tags: ['submissions'],
        summary: 'Submit a file (official or planner): staged, validated, answered with its report (docs/submissions.md)',
        security: [{ bearer: [] }, { session: [] }],
        parameters: [
          { name: 'dataset', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'encoding', in: 'query', required: false, schema: { type: 'string' } },
          {
            name: 'X-File-Name',
            in: 'header',
            required: false,
            schema: { type: 'string' },
            description: 'The file name, percent-encoded (raw bodies)',
          },
          csrfHeader,
        ],
        requestBody: {
          content: {
            'text/csv': {},
            'application/json': {},
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
            'application/vnd.apache.parquet': {},
            'multipart/form-data': {},
          },
        },
        responses: {
          201: { description: 'The submission, validated or refused, with its report' },
          401: { description: 'Sign-in required' },
          403: { description: 'Role too low' },
          413: { description: 'Over the upload limit' },
          429: { description: 'Too many submissions' },
          503: { description: 'Validation slots full' },
        },
      },
    },
    '/api/submissions/{id}': {
      get: {
        tags: ['submissions'],
        summary: 'One submission: status, report, who and when',
        security: [{ bearer: [] }, { session: [] }],
        parameters: [idParam],
        responses: { 200: { description: 'Submission' }, 404: { description: "No such submission (or another province's)" } },
      },
    },
    '/api/submissions/{id}/{action}': {
      post: {
        tags: ['submissions'],
        summary:
          'approve (planner: the ingest worker publishes it), return (planner, JSON {"reason"}) or withdraw (its submitter or a planner) a validated submission',
        security: [{ bearer: [] }, { session: [] }],
        parameters: [
          idParam,
          { name: 'action', in: 'path', required: true, schema: { type: 'string', enum: ['approve', 'return', 'withdraw'] } },
          csrfHeader,
        ],
        responses: {
          200: { description: 'Submission' },
          202: { description: 'Approved: queued for the ingest worker' },
          409: { description: 'Not validated (already decided)' },
        },
      },
    },
    '/api/submissions/{id}/preview/{query}': {
      get: {
        tags: ['submissions'],
        summary: 'Embargo preview (planner): an analytic on the candidate snapshot with the submission ingested, never published',
        security: [{ bearer: [] }, { session: [] }],
        parameters: [idParam, { name: 'query', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The analytic on the candidate (JSON)' },
          202: { description: 'The candidate is being built: retry after Retry-After' },
        },
      },
    },
    '/api/audit': {
      get: {
        tags: ['access'],
        summary: 'The audit log (planner, admin), JSON or ?format=csv',
        security: [{ bearer: [] }, { session: [] }],
        responses: { 200: { description: '{ events }' } },
      },
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
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from `npm run users -- add` (docs/access.md)' },
        session: { type: 'apiKey', in: 'cookie', name: 'td_session', description: "The web app's session after POST /api/session" },
      },
    },
  };
}

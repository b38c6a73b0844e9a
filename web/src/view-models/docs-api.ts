import type { Bilingual } from '../../../core/bilingual.js';
import type { Lang } from '../i18n/format.js';
import { pick, type Translate } from '../i18n/index.js';
import { withFormat } from './docs.js';

/** The parts of GET /api/openapi.json (server/openapi.ts) the API reference reads. */
export interface OpenApiParameter {
  name: string;
  in: string;
  description?: string;
  schema?: { type?: string; enum?: readonly unknown[]; minimum?: number; maximum?: number; default?: unknown };
  example?: unknown;
  'x-label'?: Bilingual;
  'x-default-note'?: string;
  'x-codes-from'?: { table: string; column: string };
}

export interface OpenApiColumn {
  type?: string | readonly string[];
  format?: string;
  'x-label'?: Bilingual;
  'x-unit'?: Bilingual;
}

interface RowsSchema {
  properties?: { rows?: { items?: { properties?: Record<string, OpenApiColumn> } } };
}

export interface OpenApiOperation {
  tags?: readonly string[];
  summary?: string;
  'x-title'?: Bilingual;
  'x-description'?: Bilingual;
  'x-example'?: string;
  parameters?: readonly OpenApiParameter[];
  responses?: Record<string, { content?: Record<string, { schema?: RowsSchema }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, { get?: OpenApiOperation }>;
}

export interface ApiParamView {
  name: string;
  label: string;
  type: string;
  /** The default value, or what an absent value means ('latest year in the data'), or '—'. */
  default: string;
  /** The values allowed: a list, a range, or the reference table the codes are in ('' when free). */
  allowed: string;
  example: string;
}

export interface ApiColumnView {
  name: string;
  type: string;
  unit: Bilingual | null;
  label: Bilingual;
}

export interface ApiEntryView {
  kind: 'query' | 'dataset';
  name: string;
  /** The element id of its section: the analytic's name, or dataset-<name> for an export. */
  anchor: string;
  path: string;
  title: string;
  description: string;
  params: ApiParamView[];
  columns: ApiColumnView[];
  /** A request that runs on the data, and the same as JSON and as CSV (the try-it links). */
  example: string;
  tryJson: string;
  tryCsv: string;
}

export interface ApiReferenceView {
  title: string;
  version: string;
  analytics: ApiEntryView[];
  datasets: ApiEntryView[];
}

const text = (value: unknown): string => (Array.isArray(value) ? value.join(',') : String(value));

function paramView(p: OpenApiParameter, lang: Lang, t: Translate): ApiParamView {
  const schema = p.schema ?? {};
  const list = schema.type === 'array';
  const codes = p['x-codes-from'];
  const allowed = schema.enum
    ? schema.enum.map(text).join(', ')
    : schema.minimum !== undefined
      ? `${schema.minimum}–${schema.maximum ?? ''}`
      : codes
        ? t('docsCodesIn', { table: codes.table })
        : '';
  return {
    name: p.name,
    label: p['x-label'] ? pick(p['x-label'], lang) : (p.description ?? ''),
    type: list ? 'string[]' : (schema.type ?? 'string'),
    default: schema.default !== undefined ? text(schema.default) : (p['x-default-note'] ?? '—'),
    allowed: [allowed, list ? t('docsCommaList') : ''].filter(Boolean).join('; '),
    example: p.example === undefined ? '' : text(p.example),
  };
}

function columnView(name: string, c: OpenApiColumn): ApiColumnView {
  const types = typeof c.type === 'string' ? [c.type] : (c.type ?? []);
  return {
    name,
    type: c.format === 'date' ? 'date' : (types.find((type) => type !== 'null') ?? ''),
    unit: c['x-unit'] ?? null,
    label: c['x-label'] ?? { zh: '', en: '' },
  };
}

function entryView(path: string, operation: OpenApiOperation, kind: 'query' | 'dataset', lang: Lang, t: Translate): ApiEntryView {
  const name = decodeURIComponent(path.split('/').pop() ?? '');
  const example = operation['x-example'] ?? path;
  const rows = operation.responses?.['200']?.content?.['application/json']?.schema?.properties?.rows?.items?.properties ?? {};
  return {
    kind,
    name,
    anchor: kind === 'query' ? name : `dataset-${name}`,
    path,
    title: operation['x-title'] ? pick(operation['x-title'], lang) : (operation.summary ?? name),
    description: operation['x-description'] ? pick(operation['x-description'], lang) : '',
    // `format` is every result's and is described once, above the entries.
    params: (operation.parameters ?? []).filter((p) => p.in === 'query' && p.name !== 'format').map((p) => paramView(p, lang, t)),
    columns: Object.entries(rows).map(([column, c]) => columnView(column, c)),
    example,
    tryJson: withFormat(example, 'json'),
    tryCsv: withFormat(example, 'csv'),
  };
}

/** The API reference: every analytic (GET /api/queries/:name) and dataset export of the OpenAPI document, by name. */
export function apiReference(doc: OpenApiDocument, lang: Lang, t: Translate): ApiReferenceView {
  const entries = (prefix: string, kind: 'query' | 'dataset') =>
    Object.entries(doc.paths)
      .filter(([path, item]) => path.startsWith(prefix) && item.get)
      .map(([path, item]) => entryView(path, item.get!, kind, lang, t))
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    title: doc.info.title,
    version: doc.info.version,
    analytics: entries('/api/queries/', 'query'),
    datasets: entries('/api/datasets/', 'dataset'),
  };
}

import type { Request } from 'express';
import { HttpProblem } from './problem.js';

/** The formats rows are encoded in. */
export type DataFormat = 'json' | 'csv' | 'arrow' | 'parquet';
/** What a request may ask for: rows, the provenance document describing them, or a data package (zip). */
export type OutputFormat = DataFormat | 'provenance' | 'datapackage';
/** The language of CSV headers and of titles in a data package; none means machine names. */
export type Lang = 'zh' | 'en';

export const contentTypes: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.stream',
  parquet: 'application/vnd.apache.parquet',
  provenance: 'application/json; charset=utf-8',
  datapackage: 'application/zip',
};

const byMediaType: [string, OutputFormat][] = [
  ['application/vnd.apache.arrow.stream', 'arrow'],
  ['text/csv', 'csv'],
  ['application/vnd.apache.parquet', 'parquet'],
  ['application/x-parquet', 'parquet'],
  ['application/zip', 'datapackage'],
  ['application/json', 'json'],
];

/** Query-string keys that choose the output; every other key is a parameter of the query or export. */
const outputKeys = new Set(['format', 'lang', 'meta']);

export interface OutputOptions {
  format: OutputFormat;
  /** CSV headers (and data-package titles) in this language; null: machine names (CSV) or English (data package). */
  lang: Lang | null;
  /** JSON: the provenance block beside the rows (meta=false leaves it out, and the work it costs). */
  meta: boolean;
}

const invalid = (name: string, reason: string, allowed: string) =>
  new HttpProblem(400, 'Invalid parameter', `${name} is not valid`, [{ name, reason, allowed }]);

/** The output format from ?format= (which wins) or the Accept header; JSON by default. */
export function negotiateFormat(req: Request): OutputFormat {
  const asked = req.query.format;
  if (asked !== undefined) {
    if (typeof asked === 'string' && asked in contentTypes) return asked as OutputFormat;
    throw invalid('format', `unknown format ${JSON.stringify(asked)}`, Object.keys(contentTypes).join(', '));
  }
  const accept = req.get('accept') ?? '';
  return byMediaType.find(([type]) => accept.includes(type))?.[1] ?? 'json';
}

/** format, lang and meta from the query string, checked: a bad value is a 400 naming the parameter. */
export function outputOptions(req: Request): OutputOptions {
  const { lang, meta } = req.query;
  if (lang !== undefined && lang !== '' && lang !== 'zh' && lang !== 'en')
    throw invalid('lang', `unknown language ${JSON.stringify(lang)}`, 'zh, en (absent: machine names)');
  if (meta !== undefined && meta !== 'true' && meta !== 'false')
    throw invalid('meta', `expected true or false, not ${JSON.stringify(meta)}`, 'true, false');
  return { format: negotiateFormat(req), lang: lang === 'zh' || lang === 'en' ? lang : null, meta: meta !== 'false' };
}

/** The request's query string without the output keys: what the query's or export's parameters are parsed from. */
export function requestParams(req: Request): Record<string, unknown> {
  return Object.fromEntries(Object.entries(req.query as Record<string, unknown>).filter(([key]) => !outputKeys.has(key)));
}

const extensions: Record<OutputFormat, string> = {
  json: 'json',
  csv: 'csv',
  arrow: 'arrows',
  parquet: 'parquet',
  provenance: 'provenance.json',
  datapackage: 'zip',
};

/** A download name that says what and when: training-by-region_2024_20261125T1057.csv */
export function downloadName(name: string, params: Record<string, unknown>, snapshot: string, format: OutputFormat): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([, v]) => (Array.isArray(v) ? v.join('+') : String(v)))
    .map((v) => v.replace(/[^A-Za-z0-9_+.-]/g, '-'))
    .slice(0, 6);
  return `${[name, ...parts, snapshot.slice(0, 13)].join('_')}.${extensions[format]}`;
}

/** The same request asking for another format: the URL a CSV's Link header gives for its provenance document. */
export function sameRequestAs(req: Request, format: OutputFormat): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query as Record<string, unknown>)) {
    if (key === 'format') continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
  }
  query.set('format', format);
  return `${req.path}?${query.toString().replaceAll('%2C', ',')}`;
}

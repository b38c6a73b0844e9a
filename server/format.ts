import type { Request } from 'express';
import { HttpProblem } from './problem.js';

export type OutputFormat = 'json' | 'csv' | 'arrow' | 'parquet';

export const contentTypes: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.stream',
  parquet: 'application/vnd.apache.parquet',
};

const byMediaType: [string, OutputFormat][] = [
  ['application/vnd.apache.arrow.stream', 'arrow'],
  ['text/csv', 'csv'],
  ['application/vnd.apache.parquet', 'parquet'],
  ['application/x-parquet', 'parquet'],
  ['application/json', 'json'],
];

/** The output format from ?format= (which wins) or the Accept header; JSON by default. */
export function negotiateFormat(req: Request): OutputFormat {
  const asked = req.query.format;
  if (asked !== undefined) {
    if (typeof asked === 'string' && asked in contentTypes) return asked as OutputFormat;
    throw new HttpProblem(400, 'Invalid parameter', 'format is not supported', [
      { name: 'format', reason: `unknown format ${JSON.stringify(asked)}`, allowed: Object.keys(contentTypes).join(', ') },
    ]);
  }
  const accept = req.get('accept') ?? '';
  return byMediaType.find(([type]) => accept.includes(type))?.[1] ?? 'json';
}

/** A download name that says what and when: training-by-region_2024_20261125T1057.csv */
export function downloadName(name: string, params: Record<string, unknown>, snapshot: string, format: OutputFormat): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([, v]) => (Array.isArray(v) ? v.join('+') : String(v)))
    .map((v) => v.replace(/[^A-Za-z0-9_+.-]/g, '-'))
    .slice(0, 6);
  const extension = format === 'arrow' ? 'arrows' : format;
  return `${[name, ...parts, snapshot.slice(0, 13)].join('_')}.${extension}`;
}

/**
 * Bounds on what ingest reads, so that a hostile or broken file is refused quickly with the limit named
 * instead of exhausting memory or time. Each is set by an environment variable (docs/operations.md).
 */
export interface IngestLimits {
  /** Longest physical line of a CSV, in bytes (after conversion to UTF-8). */
  csvLineBytes: number;
  /** Largest JSON/NDJSON file, in bytes. */
  jsonBytes: number;
  /** Deepest nesting of arrays and objects in a JSON file. */
  jsonDepth: number;
  /** Largest uncompressed size of a workbook's parts (the sum over the zip's entries), in bytes. */
  xlsxUncompressedBytes: number;
  /** Most rows of the sheet read. */
  xlsxRows: number;
  /** Rejected rows written to <file>.rejects.csv (the counts by reason cover all of them). */
  rejectsRows: number;
}

const MB = 1024 * 1024;

export const defaultLimits: Readonly<IngestLimits> = {
  csvLineBytes: 1 * MB,
  jsonBytes: 512 * MB,
  jsonDepth: 64,
  xlsxUncompressedBytes: 100 * MB,
  xlsxRows: 1_048_576,
  rejectsRows: 10_000,
};

export const limitVariables: Readonly<Record<keyof IngestLimits, string>> = {
  csvLineBytes: 'INGEST_MAX_LINE_BYTES',
  jsonBytes: 'INGEST_MAX_JSON_BYTES',
  jsonDepth: 'INGEST_MAX_JSON_DEPTH',
  xlsxUncompressedBytes: 'INGEST_MAX_XLSX_BYTES',
  xlsxRows: 'INGEST_MAX_XLSX_ROWS',
  rejectsRows: 'INGEST_MAX_REJECTS_ROWS',
};

/** The limits in force: each environment variable set to a positive whole number overrides its default. */
export function ingestLimits(env: NodeJS.ProcessEnv = process.env): IngestLimits {
  const limits = { ...defaultLimits };
  for (const key of Object.keys(limitVariables) as (keyof IngestLimits)[]) {
    const text = env[limitVariables[key]];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${limitVariables[key]}=${text}: expected a whole number above 0`);
    limits[key] = value;
  }
  return limits;
}

const number = new Intl.NumberFormat('en-US');

/** A limit as a reader sees it: '1 MB (1,048,576 bytes; INGEST_MAX_LINE_BYTES)'. */
export function describeLimit(key: keyof IngestLimits, value: number): string {
  const bytes = key === 'csvLineBytes' || key === 'jsonBytes' || key === 'xlsxUncompressedBytes';
  const amount = bytes ? `${value % MB === 0 ? `${value / MB} MB` : `${number.format(value)} bytes`}` : number.format(value);
  return `${amount} (set with ${limitVariables[key]})`;
}

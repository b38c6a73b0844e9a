import { tableFromIPC, Type, type Table } from 'apache-arrow';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface ResultColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean';
}

/** A decoded result: plain row objects plus the column list and the stream's metadata (name, snapshot, params). */
export interface ResultSet<R = Row> {
  columns: ResultColumn[];
  rows: R[];
  metadata: Record<string, string>;
}

const DAY_MS = 86_400_000;

/** Days or milliseconds since the epoch → 'YYYY-MM-DD' (UTC, as the server wrote it). */
export function isoDate(value: number, unit: 'day' | 'ms'): string {
  return new Date(unit === 'day' ? value * DAY_MS : value).toISOString().slice(0, 10);
}

function columnType(typeId: Type): ResultColumn['type'] {
  switch (typeId) {
    case Type.Int:
      return 'integer';
    case Type.Float:
    case Type.Decimal:
      return 'number';
    case Type.Bool:
      return 'boolean';
    case Type.Date:
      return 'date';
    default:
      return 'string';
  }
}

function plainValue(value: unknown, type: ResultColumn['type']): Cell {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
    case 'number':
      return Number(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : isoDate(Number(value), 'ms');
    case 'boolean':
      return Boolean(value);
    default:
      return String(value);
  }
}

/** Turns an Arrow table into plain rows: Int64 (bigint) → number, DateDay → 'YYYY-MM-DD'. */
export function rowsFromTable(table: Table): ResultSet {
  const columns = table.schema.fields.map((f) => ({ name: f.name, type: columnType(f.typeId) }));
  const vectors = columns.map((c) => table.getChild(c.name));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    columns.forEach((c, j) => (row[c.name] = plainValue(vectors[j]?.get(i), c.type)));
    rows[i] = row;
  }
  return { columns, rows, metadata: Object.fromEntries(table.schema.metadata) };
}

/** Decodes an Arrow IPC stream (what the server sends for Accept: application/vnd.apache.arrow.stream). */
export function decodeArrow(bytes: Uint8Array): ResultSet {
  return rowsFromTable(tableFromIPC(bytes));
}

/** A comma-separated list (a region's zones, 'gba,yrd'; also DuckDB's list text "['gba', 'yrd']") as an array. */
export function parseListText(text: Cell): string[] {
  if (typeof text !== 'string') return [];
  return text
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((s) => s.trim().replace(/^['"]|['"]$/g, ''))
    .filter(Boolean);
}

import { tableFromIPC, Type, type Table, type Vector } from 'apache-arrow';

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

/**
 * A column's values as plain cells. Text comes dictionary-encoded (each distinct string once, rows as indices):
 * a dictionary is decoded once, and its rows share its strings.
 */
function columnCells(vector: Vector | null, type: ResultColumn['type'], rows: number): Cell[] {
  const cells: Cell[] = new Array<Cell>(rows).fill(null);
  if (!vector) return cells;
  const decoded = new Map<Vector, Cell[]>();
  let at = 0;
  for (const data of vector.data) {
    const dictionary = data.dictionary;
    if (dictionary) {
      let values = decoded.get(dictionary);
      if (!values) decoded.set(dictionary, (values = Array.from(dictionary, (value) => plainValue(value, type))));
      const indices = data.values as ArrayLike<number>;
      for (let i = 0; i < data.length; i++) cells[at + i] = data.getValid(i) ? values[Number(indices[i])] : null;
    } else {
      for (let i = 0; i < data.length; i++) cells[at + i] = plainValue(vector.get(at + i), type);
    }
    at += data.length;
  }
  return cells;
}

/** Turns an Arrow table into plain rows: Int64 (bigint) → number, DateDay → 'YYYY-MM-DD', dictionary text → its strings. */
export function rowsFromTable(table: Table): ResultSet {
  const columns = table.schema.fields.map((f) => ({
    name: f.name,
    type: columnType(f.type.typeId === Type.Dictionary ? (f.type as { valueType: { typeId: Type } }).valueType.typeId : f.typeId),
  }));
  const cells = columns.map((c) => columnCells(table.getChild(c.name), c.type, table.numRows));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    columns.forEach((c, j) => (row[c.name] = cells[j][i]));
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

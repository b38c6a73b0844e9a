import {
  Bool,
  DateDay,
  Dictionary,
  Int32,
  Vector,
  Field,
  Float64,
  Int64,
  Schema,
  Table,
  Utf8,
  makeTable,
  tableToIPC,
  vectorFromArray,
  RecordBatch,
  Struct,
  makeData,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeArrow, isoDate, parseListText } from '../../web/src/decode.js';

/** An Arrow stream shaped like the server's (server/encode/arrow.ts): Int64 counts, DateDay months, text, doubles. */
function serverLikeStream(): Uint8Array {
  const fields = [
    new Field('region_code', new Utf8(), true),
    new Field('person_times', new Int64(), true),
    new Field('month', new DateDay(), true),
    new Field('ratio', new Float64(), true),
    new Field('in_mainland', new Bool(), true),
  ];
  const schema = new Schema(
    fields,
    new Map([
      ['name', 'training-by-region'],
      ['snapshot', '20261125T1000-abcd'],
    ]),
  );
  const columns = [
    vectorFromArray(['440000', '110000', null], new Utf8()),
    vectorFromArray([9_007_199_254_740_991n, 1_234_567n, null], new Int64()),
    vectorFromArray([new Date('2024-03-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'), null], new DateDay()),
    vectorFromArray([1.25, 0.5, null], new Float64()),
    vectorFromArray([true, false, null], new Bool()),
  ];
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length: 3, nullCount: 0, children: columns.map((c) => c.data[0]) }),
  );
  return tableToIPC(new Table([batch]), 'stream');
}

/**
 * Dictionary-encoded text as the server sends it: two record batches whose dictionary the second extends (a
 * delta: '650000' and a name are new in it), with a null, over 32-bit indices.
 */
function dictionaryStream(): Uint8Array {
  const type = new Dictionary(new Utf8(), new Int32(), 0);
  const fields = [new Field('region_code', type, true), new Field('person_times', new Int64(), true)];
  const first = vectorFromArray(['440000', '110000'], new Utf8()).data[0];
  const added = vectorFromArray(['650000'], new Utf8()).data[0];
  const batch = (indices: number[], valid: boolean[], dictionary: Vector<Utf8>, counts: bigint[]) => {
    const nullBitmap = Uint8Array.of(valid.reduce((bits, v, i) => bits | (v ? 1 << i : 0), 0));
    const text = makeData({
      type,
      length: indices.length,
      nullCount: valid.filter((v) => !v).length,
      nullBitmap,
      data: Int32Array.from(indices),
      dictionary,
    });
    const numbers = vectorFromArray(counts, new Int64()).data[0];
    return new RecordBatch(
      new Schema(fields),
      makeData({ type: new Struct(fields), length: indices.length, nullCount: 0, children: [text, numbers] }),
    );
  };
  return tableToIPC(
    new Table([
      batch([0, 1, 0], [true, true, true], new Vector([first]), [1n, 2n, 3n]),
      batch([2, 0, 0], [true, false, true], new Vector([first, added]), [4n, 5n, 6n]),
    ]),
    'stream',
  );
}

describe('Arrow results become plain rows', () => {
  it('turns dictionary-encoded text (a dictionary extended by a later batch) into its strings, keeping nulls', () => {
    const result = decodeArrow(dictionaryStream());
    expect(result.columns).toEqual([
      { name: 'region_code', type: 'string' },
      { name: 'person_times', type: 'integer' },
    ]);
    expect(result.rows).toEqual([
      { region_code: '440000', person_times: 1 },
      { region_code: '110000', person_times: 2 },
      { region_code: '440000', person_times: 3 },
      { region_code: '650000', person_times: 4 },
      { region_code: null, person_times: 5 },
      { region_code: '440000', person_times: 6 },
    ]);
  });

  it('turns Int64 into numbers and DateDay into YYYY-MM-DD, keeping nulls', () => {
    const result = decodeArrow(serverLikeStream());
    expect(result.columns).toEqual([
      { name: 'region_code', type: 'string' },
      { name: 'person_times', type: 'integer' },
      { name: 'month', type: 'date' },
      { name: 'ratio', type: 'number' },
      { name: 'in_mainland', type: 'boolean' },
    ]);
    expect(result.rows).toEqual([
      { region_code: '440000', person_times: 9_007_199_254_740_991, month: '2024-03-01', ratio: 1.25, in_mainland: true },
      { region_code: '110000', person_times: 1_234_567, month: '2026-10-01', ratio: 0.5, in_mainland: false },
      { region_code: null, person_times: null, month: null, ratio: null, in_mainland: null },
    ]);
    expect(typeof result.rows[1].person_times).toBe('number');
    expect(result.metadata).toEqual({ name: 'training-by-region', snapshot: '20261125T1000-abcd' });
  });

  it('decodes an empty result with its columns', () => {
    const empty = makeTable({ a: new Int32Array(0) });
    expect(decodeArrow(tableToIPC(empty, 'stream'))).toMatchObject({ columns: [{ name: 'a', type: 'integer' }], rows: [] });
  });

  it('reads dates in days and milliseconds as UTC days', () => {
    // 19,783 days after 1970-01-01 is 2024-03-01.
    expect(isoDate(19_783, 'day')).toBe('2024-03-01');
    expect(isoDate(Date.UTC(2026, 9, 1), 'ms')).toBe('2026-10-01');
  });

  it("parses the server's text form of list columns", () => {
    expect(parseListText("['gba', 'yrd']")).toEqual(['gba', 'yrd']);
    expect(parseListText('[]')).toEqual([]);
    expect(parseListText(null)).toEqual([]);
  });
});

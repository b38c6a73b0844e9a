import type { DuckDBResult } from '@duckdb/node-api';
import type { OutputColumn } from '../../queries/lib/define.js';
import { arrowSchema, arrowStreamWriter, ByteCollector, recordBatch } from './arrow.js';
import { chunkColumns, kindOf, type Cell, type ResultColumn } from './columns.js';
import { csvHeader, csvRows } from './csv.js';
import type { Sink } from './sink.js';

export type StreamFormat = 'json' | 'csv' | 'arrow';

export interface ResultMeta {
  /** Query or dataset name. */
  name: string;
  snapshot: string;
  params: Record<string, unknown>;
  /** Declared columns (labels, units), when the result comes from the catalog. */
  declared?: readonly OutputColumn[];
}

/** Encodes a DuckDB result chunk by chunk into the sink; returns the number of rows written. */
export async function encodeResult(result: DuckDBResult, format: StreamFormat, meta: ResultMeta, sink: Sink): Promise<number> {
  const columns: ResultColumn[] = result.columnNames().map((name, i) => ({ name, kind: kindOf(result.columnTypes()[i]) }));
  const encoder = encoders[format](columns, meta, sink);
  let rows = 0;
  await encoder.begin();
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    await encoder.chunk(chunkColumns(chunk, columns), chunk.rowCount);
    rows += chunk.rowCount;
  }
  await encoder.end(rows);
  return rows;
}

interface Encoder {
  begin(): Promise<void>;
  chunk(cells: Cell[][], rowCount: number): Promise<void>;
  end(rows: number): Promise<void>;
}

const encoders: Record<StreamFormat, (columns: ResultColumn[], meta: ResultMeta, sink: Sink) => Encoder> = {
  csv: (columns, _meta, sink) => ({
    begin: () => sink.write(csvHeader(columns)),
    chunk: (cells, rowCount) => sink.write(csvRows(cells, rowCount)),
    end: async () => {},
  }),

  json: (columns, meta, sink) => {
    let first = true;
    const described = columns.map((c) => {
      const declared = meta.declared?.find((d) => d.name === c.name);
      return { name: c.name, type: declared?.type ?? c.kind, label: declared?.label, unit: declared?.unit };
    });
    return {
      begin: () => sink.write(`{"name":${JSON.stringify(meta.name)},"snapshot":${JSON.stringify(meta.snapshot)},"params":${JSON.stringify(meta.params)},"columns":${JSON.stringify(described)},"rows":[`),
      async chunk(cells, rowCount) {
        let out = '';
        for (let row = 0; row < rowCount; row++) {
          const object: Record<string, Cell> = {};
          for (let col = 0; col < columns.length; col++) object[columns[col].name] = cells[col][row];
          out += (first ? '' : ',') + JSON.stringify(object);
          first = false;
        }
        await sink.write(out);
      },
      end: (rows) => sink.write(`],"row_count":${rows}}`),
    };
  },

  arrow: (columns, meta, sink) => {
    const schema = arrowSchema(columns, { name: meta.name, snapshot: meta.snapshot, params: JSON.stringify(meta.params) });
    const collector = new ByteCollector();
    const writer = arrowStreamWriter(schema, collector);
    const flush = async () => {
      for (const bytes of collector.take()) await sink.write(bytes);
    };
    return {
      begin: async () => {},
      async chunk(cells, rowCount) {
        writer.write(recordBatch(schema, columns, cells, rowCount));
        await flush();
      },
      async end(rows) {
        // An empty result still carries its schema.
        if (rows === 0) writer.write(recordBatch(schema, columns, columns.map(() => []), 0));
        writer.finish();
        await flush();
      },
    };
  },
};

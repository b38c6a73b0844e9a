import type { Response } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sendDataPackage } from './datapackage.js';
import type { OutputOptions } from './format.js';
import { provenanceOf, type ResultRequest } from './respond.js';

/**
 * Answers format=provenance (the provenance document, with the row count, as JSON: a CSV's sidecar) and
 * format=datapackage (the zip). Sets res.locals.rows.
 */
export async function sendProvenanceOrPackage(
  res: Response,
  connection: DuckDBConnection,
  request: ResultRequest,
  options: OutputOptions & { format: 'provenance' | 'datapackage' },
  /** Ends the request's time limit (withLease's disarm). */
  firstRows: () => void,
): Promise<void> {
  if (options.format === 'provenance') {
    const provenance = await provenanceOf(connection, request, options.lang, true);
    res.locals.rows = provenance.row_count;
    res.set('X-Data-Version', request.snapshot).json(provenance);
    return;
  }
  // The package's CSV has machine-name headers; lang chooses the language of its titles (English by default).
  const provenance = await provenanceOf(connection, request, null, true);
  // As for a streamed export: once the rows are counted, the package's own work (sorting, writing) is not timed.
  firstRows();
  const { definition, values } = request;
  res.locals.rows = await sendDataPackage(res, { connection, definition, values, provenance, lang: options.lang ?? 'en' });
}

import { basename } from 'node:path';

/** Where in a file a refusal points; every part is optional, the file's name is not. */
export interface RefusalPlace {
  line?: number;
  /** Byte offset from the start of the file (counting from 0). */
  byte?: number;
  column?: string;
  value?: string;
}

/**
 * A file refused as a whole, in the format of every ingest problem: file, row (or line and byte), column,
 * value, reason. Its message never carries an engine message, SQL or a temporary path.
 */
export class FileRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly place: RefusalPlace = {},
  ) {
    super(refusalText(file, reason, place));
  }
}

function refusalText(file: string, reason: string, place: RefusalPlace): string {
  const where = [
    place.line !== undefined ? `line ${place.line}${place.byte !== undefined ? ` (byte ${place.byte})` : ''}` : '',
    place.line === undefined && place.byte !== undefined ? `byte ${place.byte}` : '',
    place.column !== undefined ? `${place.column.includes(' and ') ? 'columns' : 'column'} ${place.column}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const value = place.value !== undefined ? ` '${place.value}'` : '';
  return `${basename(file)}${where ? ` ${where}` : ''}:${value ? `${value}:` : ''} ${reason}`;
}

import yauzl from 'yauzl';
import { describeLimit, type IngestLimits } from './limits.js';
import { FileRefusedError } from './refusal.js';

/** The uncompressed size of every entry of a zip archive, summed from its central directory (nothing is unpacked). */
function unpackedSize(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error) return reject(error);
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * Checks a workbook before it is read: it must be a zip archive whose parts unpack to at most the limit, so
 * that a small file that unpacks to gigabytes (a zip bomb) is refused at once.
 */
export async function checkWorkbook(path: string, file: string, limits: IngestLimits): Promise<void> {
  const size = await unpackedSize(path).catch(() => null);
  if (size === null)
    throw new FileRefusedError(file, 'not an Excel workbook (.xlsx is a zip archive; this file is not one, or it is damaged)');
  if (size > limits.xlsxUncompressedBytes) {
    throw new FileRefusedError(
      file,
      `the workbook unpacks to ${size.toLocaleString('en-US')} bytes, more than ${describeLimit('xlsxUncompressedBytes', limits.xlsxUncompressedBytes)}; save a large table as CSV or Parquet`,
    );
  }
}

/** Refuses a sheet with more rows than the limit (the reader stops one row beyond it). */
export function checkSheetRows(file: string, rows: number, limits: IngestLimits): void {
  if (rows > limits.xlsxRows) {
    throw new FileRefusedError(
      file,
      `the sheet has more than ${describeLimit('xlsxRows', limits.xlsxRows)} rows; save a large table as CSV or Parquet`,
    );
  }
}

/** UTF-8 byte-order mark: Excel and WPS then read the file as UTF-8 and show Chinese correctly. */
export const BOM = '\ufeff';

/**
 * DuckDB's CSV writer, as RFC 4180 has it: a header, comma-separated, CRLF line ends, fields quoted with "
 * (doubled inside) when they contain a comma, a quote or a line break, and NULL as an empty field. Formula
 * neutralisation happens in the SELECT list (select-list.ts), before DuckDB quotes.
 */
export const csvCopyOptions = `FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"', NEW_LINE '\\r\\n'`;

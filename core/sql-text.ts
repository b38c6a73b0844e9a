/** Quoting for the few identifiers and file paths the ingest itself controls. User data is never spliced into SQL. */

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

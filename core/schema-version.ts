/**
 * The version of a snapshot's schema: the tables, columns and rollups ingest builds and the catalog reads.
 * Ingest stamps it into every snapshot (table snapshot_info). Bump it whenever ingest/rollups.sql or a dataset
 * declaration (core/datasets/) changes — tests/ingest/schema-version.test.ts fails until `schemaSources` is
 * updated with it — so that the start-up step rebuilds or refuses a snapshot built by older code instead of
 * serving queries that would fail on it.
 */
export const schemaVersion = 2;

/** sha256 of ingest/rollups.sql and core/datasets/{facts,reference,types}.ts at this version. */
export const schemaSources = 'e71f9e7062697e4f579f340db859468b1ff95941e0fce45791e3a1c313b967a4';

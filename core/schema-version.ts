/**
 * The version of a snapshot's schema: the tables, columns and rollups ingest builds and the catalog reads.
 * Ingest stamps it into every snapshot (table snapshot_info). Bump it whenever ingest/rollups.sql or a dataset
 * declaration (core/datasets/) changes — tests/ingest/schema-version.test.ts fails until `schemaSources` is
 * updated with it — so that the start-up step rebuilds or refuses a snapshot built by older code instead of
 * serving queries that would fail on it.
 */
export const schemaVersion = 4;

/** sha256 of ingest/rollups.sql and every core/datasets/*.ts (in name order) at this version. */
export const schemaSources = '16b7b8e4e1a0450540834f2f43f4a86667e4bf3ff6b280a0ab52a390ca1d9142';

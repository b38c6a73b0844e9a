import { Router } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasets } from '../../core/datasets/index.js';
import { licenceOfSource, mit, referenceSources, sampleSource } from '../../core/licences.js';
import { repoRoot } from '../../core/repo-paths.js';
import { quoteIdent } from '../../core/sql-text.js';
import type { AppContext } from '../context.js';
import { withLease } from '../execute.js';
import { HttpProblem } from '../problem.js';
import { openApiDocument } from '../openapi.js';

/** The documents GET /api/docs/:name serves (the web app's docs pages render them), by name: only these files. */
export const documents: Readonly<Record<string, string>> = {
  'data-model': 'docs/data-model.md',
  sample: 'docs/sample-data.md',
  sources: 'data/reference/sources/README.md',
  reference: 'docs/reference-data.md',
  access: 'docs/access.md',
  submissions: 'docs/submissions.md',
};

/** Under which licences the data may be reused: the code, the synthetic sample, the reference tables, each fact source. */
function licencesOf(sources: readonly string[]) {
  return {
    code: mit,
    sample: sampleSource,
    reference: referenceSources,
    facts: sources.map((source) => ({ source, licence: licenceOfSource(source) })),
  };
}

async function describeSnapshot(connection: DuckDBConnection, snapshotId: string) {
  const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
  const counts = await read(
    datasets.map((d) => `SELECT '${d.table}' AS "table", count(*)::BIGINT AS "rows" FROM ${quoteIdent(d.table)}`).join(' UNION ALL '),
  );
  const [freshness] = await read(`SELECT
      (SELECT strftime(max(month), '%Y-%m') FROM training) AS training_through,
      (SELECT strftime(max(quarter), '%Y') || 'Q' || quarter(max(quarter)) FROM labor_market) AS labor_market_through,
      (SELECT max(year) FROM competition) AS competition_through,
      (SELECT max(year) FROM talent_stock) AS talent_stock_through,
      (SELECT strftime(max(finished_at), '%Y-%m-%dT%H:%M:%SZ') FROM ingest_log) AS last_ingest`);
  const lineage =
    await read(`SELECT snapshot_id, dataset, file, sha256, format, encoding, rows_read::DOUBLE AS rows_read, rows_accepted::DOUBLE AS rows_accepted,
      rows_rejected::DOUBLE AS rows_rejected, rows_added::DOUBLE AS rows_added, rows_replaced::DOUBLE AS rows_replaced,
      strftime(started_at, '%Y-%m-%dT%H:%M:%SZ') AS started_at, strftime(finished_at, '%Y-%m-%dT%H:%M:%SZ') AS finished_at
    FROM ingest_log ORDER BY finished_at DESC, file LIMIT 200`);
  const sources = await read(
    `SELECT DISTINCT source FROM (SELECT source FROM training UNION ALL SELECT source FROM labor_market UNION ALL SELECT source FROM competition UNION ALL SELECT source FROM talent_stock) ORDER BY 1 LIMIT 50`,
  );
  const sourceNames = sources.map((s) => String(s.source));
  return {
    snapshot: snapshotId,
    freshness,
    row_counts: Object.fromEntries(counts.map((c) => [c.table, Number(c.rows)])),
    sources: sourceNames,
    licences: licencesOf(sourceNames),
    lineage,
  };
}

/** GET /api/meta (snapshot, freshness, lineage, row counts, licences), /api/health, /api/openapi.json and /api/docs/:name. */
export function metaRouter(ctx: AppContext): Router {
  const router = Router();
  const described = new Map<string, Promise<unknown>>();

  router.get('/api/meta', async (_req, res) => {
    const body = await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, (lease) => {
      let meta = described.get(lease.snapshotId);
      if (!meta) {
        described.clear();
        meta = describeSnapshot(lease.connection, lease.snapshotId);
        described.set(lease.snapshotId, meta);
      }
      return meta;
    });
    res.set('X-Data-Version', ctx.store.snapshotId ?? '').json(body);
  });

  // 'degraded' (still 200: the server answers, from an older snapshot) names each snapshot it refused and why.
  router.get('/api/health', (_req, res) => {
    const health = ctx.store.health();
    res.status(health.snapshot ? 200 : 503).json(health);
  });

  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument(ctx.queries, ctx.exports, Object.keys(documents)));
  });

  router.get('/api/docs/:name', async (req, res) => {
    const name = String(req.params.name);
    const path = Object.hasOwn(documents, name) ? documents[name] : undefined;
    if (!path)
      throw new HttpProblem(404, 'Unknown document', `there is no document named '${name}'; known: ${Object.keys(documents).join(', ')}`);
    const text = await readFile(join(repoRoot, path), 'utf8');
    res.set({ 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-cache' }).send(text);
  });

  return router;
}

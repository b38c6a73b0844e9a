import { Router } from 'express';
import type { AppContext } from '../context.js';
import { withLease } from '../execute.js';
import { admitExport, type ExportGate } from '../export-gate.js';
import { outputOptions, requestParams } from '../format.js';
import { parseParams } from '../parse-params.js';
import { sendProvenanceOrPackage } from '../provenance-response.js';
import { HttpProblem } from '../problem.js';
import { carriesProvenance, provenanceLinkHeaders, provenanceOf, streamToResponse } from '../respond.js';
import { describeQuery } from '../catalog.js';
import { accessOf, authorizedValues, withAccess } from '../access/entry-access.js';
import { principalOf } from '../access/principal.js';
import { hasRole, refusal } from '../access/policy.js';
import { neededRole } from '../../queries/access.js';
import { auditExport } from '../access/audit-export.js';

/** GET /api/datasets (what can be exported) and GET /api/datasets/:table (a streamed, filtered export). */
export function datasetsRouter(ctx: AppContext, gate: ExportGate): Router {
  const router = Router();

  router.get('/api/datasets', async (_req, res) => {
    const principal = principalOf(res);
    const catalog = await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, (lease) =>
      Promise.all(
        [...ctx.exports.values()].map(async (q) =>
          withAccess(await describeQuery(q, '/api/datasets', lease, ctx.allowed), 'dataset', principal),
        ),
      ),
    );
    res.set('X-Data-Version', ctx.store.snapshotId ?? '').json({ snapshot: ctx.store.snapshotId, datasets: catalog });
  });

  router.get('/api/datasets/:table', async (req, res) => {
    const definition = ctx.exports.get(String(req.params.table));
    if (!definition)
      throw new HttpProblem(404, 'Unknown dataset', `there is no dataset named '${req.params.table}'; GET /api/datasets lists them`);
    const options = outputOptions(req);
    const { format } = options;
    // A role that can never read the table is refused before anything else (its parameters are checked below).
    const principal = principalOf(res);
    const needed = neededRole(accessOf('dataset', definition.name), {});
    if (!hasRole(principal, needed)) throw refusal(principal, needed, `the '${definition.name}' export`);
    // Admitted before a connection is taken: a refused export costs nothing. Released when the response has ended.
    const slot = await admitExport(gate, res, definition.name, format);
    try {
      await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, async (lease, disarm) => {
        const values = authorizedValues(
          res,
          'dataset',
          definition,
          await parseParams(definition, requestParams(req), {
            snapshotId: lease.snapshotId,
            connection: lease.connection,
            allowed: ctx.allowed,
          }),
        );
        // The public tables (regions, code lists, published figures) every page reads are not recorded.
        if (needed !== 'public') await auditExport(ctx.dataDir, principal, req.method, req.originalUrl, format);
        res.locals.snapshot = lease.snapshotId;
        const request = { kind: 'dataset' as const, definition, values, snapshot: lease.snapshotId, url: req.originalUrl };
        if (format === 'provenance' || format === 'datapackage')
          return sendProvenanceOrPackage(res, lease.connection, request, { ...options, format }, disarm);
        const provenance = carriesProvenance(format, options) ? await provenanceOf(lease.connection, request, options.lang) : null;
        const meta = { name: definition.name, snapshot: lease.snapshotId, params: values, provenance, lang: options.lang };
        res.set(provenanceLinkHeaders(req, format, options.lang));
        // An export sorts its rows by its key before the first one leaves: that sort is the export's own work, bounded
        // by the table, so the time limit covers the checks and the provenance pass and ends here.
        disarm();
        res.locals.rows = await streamToResponse(res, lease.connection, definition, values, format, meta, () => {}, slot?.temp);
      });
    } finally {
      slot?.release();
    }
  });

  return router;
}

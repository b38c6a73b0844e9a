import { Router } from 'express';
import type { AppContext } from '../context.js';
import { withLease } from '../execute.js';
import { negotiateFormat } from '../format.js';
import { parseParams } from '../parse-params.js';
import { HttpProblem } from '../problem.js';
import { streamToResponse } from '../respond.js';
import { describeQuery } from '../catalog.js';

/** GET /api/datasets (what can be exported) and GET /api/datasets/:table (a streamed, filtered export). */
export function datasetsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/datasets', async (_req, res) => {
    const catalog = await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, (lease) =>
      Promise.all([...ctx.exports.values()].map((q) => describeQuery(q, '/api/datasets', lease, ctx.allowed))),
    );
    res.set('X-Data-Version', ctx.store.snapshotId ?? '').json({ snapshot: ctx.store.snapshotId, datasets: catalog });
  });

  router.get('/api/datasets/:table', async (req, res) => {
    const definition = ctx.exports.get(String(req.params.table));
    if (!definition)
      throw new HttpProblem(404, 'Unknown dataset', `there is no dataset named '${req.params.table}'; GET /api/datasets lists them`);
    const format = negotiateFormat(req);
    await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, async (lease, disarm) => {
      const values = await parseParams(definition, req.query as Record<string, unknown>, {
        snapshotId: lease.snapshotId,
        connection: lease.connection,
        allowed: ctx.allowed,
      });
      res.locals.snapshot = lease.snapshotId;
      const meta = { name: definition.name, snapshot: lease.snapshotId, params: values };
      res.locals.rows = await streamToResponse(res, lease.connection, definition, values, format, meta, disarm);
    });
  });

  return router;
}

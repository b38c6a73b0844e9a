import { Router, type Request, type Response } from 'express';
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.js';
import { withLease } from '../execute.js';
import { outputOptions, requestParams } from '../format.js';
import { checkCodes, parseShape } from '../parse-params.js';
import { sendProvenanceOrPackage } from '../provenance-response.js';
import type { CachedResult } from '../result-cache.js';
import { HttpProblem } from '../problem.js';
import { carriesProvenance, downloadHeaders, encodeToBuffer, provenanceLinkHeaders, provenanceOf } from '../respond.js';
import { describeQuery } from '../catalog.js';
import { accessOf, authorizedValues, withAccess } from '../access/entry-access.js';
import { auditDetailRead } from '../access/audit-export.js';
import { isDetail } from '../../queries/access.js';
import { principalOf } from '../access/principal.js';

/**
 * An origin server answers 304 to a matching If-None-Match whatever the request's Cache-Control says
 * (fetch() adds no-cache to explicit conditional requests, which Express's req.fresh treats as stale).
 */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** GET /api/queries (catalog) and GET /api/queries/:name (a result, cached by snapshot and parameters). */
export function queriesRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/queries', async (_req, res) => {
    const principal = principalOf(res);
    const catalog = await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, (lease) =>
      Promise.all(
        [...ctx.queries.values()].map(async (q) =>
          withAccess(await describeQuery(q, '/api/queries', lease, ctx.allowed), 'query', principal),
        ),
      ),
    );
    res.set('X-Data-Version', ctx.store.snapshotId ?? '').json({ snapshot: ctx.store.snapshotId, queries: catalog });
  });

  router.get('/api/queries/:name', async (req: Request, res: Response) => {
    const definition = ctx.queries.get(String(req.params.name));
    if (!definition)
      throw new HttpProblem(404, 'Unknown query', `there is no query named '${req.params.name}'; GET /api/queries lists them`);
    const options = outputOptions(req);
    const { format } = options;
    const values = authorizedValues(res, 'query', definition, parseShape(definition, requestParams(req)));
    await auditDetailRead(ctx.dataDir, principalOf(res), {
      method: req.method,
      url: req.originalUrl,
      format,
      detail: isDetail(accessOf('query', definition.name), values),
    });
    if (format === 'provenance' || format === 'datapackage') {
      await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, async (lease, disarm) => {
        await checkCodes(definition, values, { snapshotId: lease.snapshotId, connection: lease.connection, allowed: ctx.allowed });
        res.locals.snapshot = lease.snapshotId;
        const request = { kind: 'query' as const, definition, values, snapshot: lease.snapshotId, url: req.originalUrl };
        await sendProvenanceOrPackage(res, lease.connection, request, { ...options, format }, disarm);
      });
      return;
    }
    const output = `${format}|${options.lang ?? ''}|${carriesProvenance(format, options) ? 'meta' : ''}`;
    const keyFor = (snapshotId: string) => `${snapshotId}|${definition.name}|${output}|${JSON.stringify(values)}`;
    const send = (result: CachedResult, snapshotId: string, hit: boolean) => {
      res.locals.rows = result.rows;
      res.locals.snapshot = snapshotId;
      res.locals.cache = hit ? 'hit' : 'miss';
      res.set({
        ...result.headers,
        ...provenanceLinkHeaders(req, format, options.lang),
        ETag: result.etag,
        // In the enforced mode the answer depends on who asks: only the asker's own cache may keep it.
        'Cache-Control': ctx.access.mode === 'enforced' ? 'private, no-cache' : 'no-cache',
      });
      res.vary('Accept');
      if (matchesEtag(req.get('if-none-match'), result.etag)) res.status(304).end();
      else res.send(result.body);
    };
    // A result already computed for these parameters on the live snapshot needs no connection at all.
    const live = ctx.store.snapshotId;
    const cached = live ? ctx.cache.peek(keyFor(live)) : undefined;
    if (live && cached) return send(cached, live, true);
    await withLease(ctx.store, ctx.config.QUERY_TIMEOUT_MS, async (lease) => {
      await checkCodes(definition, values, { snapshotId: lease.snapshotId, connection: lease.connection, allowed: ctx.allowed });
      const key = keyFor(lease.snapshotId);
      const { result, hit } = await ctx.cache.getOrCompute(key, async () => {
        const request = { kind: 'query' as const, definition, values, snapshot: lease.snapshotId, url: req.originalUrl };
        const provenance = carriesProvenance(format, options) ? await provenanceOf(lease.connection, request, options.lang) : null;
        const meta = { name: definition.name, snapshot: lease.snapshotId, params: values, provenance, lang: options.lang };
        const { body, rows } = await encodeToBuffer(lease.connection, definition, values, format, meta);
        const etag = `"${createHash('sha1').update(key).digest('base64url')}"`;
        return { body, rows, etag, headers: downloadHeaders(format, definition, values, lease.snapshotId) };
      });
      send(result, lease.snapshotId, hit);
    });
  });

  return router;
}

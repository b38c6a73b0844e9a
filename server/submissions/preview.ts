import type { Request, Response } from 'express';
import type { Submission } from '../../core/submission.js';
import { authorizedValues } from '../access/entry-access.js';
import type { AppContext } from '../context.js';
import { withLease } from '../execute.js';
import { requestParams } from '../format.js';
import { checkCodes, parseShape } from '../parse-params.js';
import { HttpProblem } from '../problem.js';
import { encodeToBuffer } from '../respond.js';
import type { Candidates } from './candidates.js';

/**
 * GET /api/submissions/:id/preview/:query: a catalog analytic, as JSON, on the submission's candidate (the live
 * snapshot with the file ingested, not published). 202 with Retry-After while the ingest worker builds it.
 */
export async function sendPreview(
  ctx: AppContext,
  candidates: Candidates,
  submission: Submission,
  req: Request,
  res: Response,
): Promise<void> {
  const definition = ctx.queries.get(String(req.params.query));
  if (!definition)
    throw new HttpProblem(
      404,
      'Unknown query',
      `there is no query named '${String(req.params.query).slice(0, 100)}'; GET /api/queries lists them`,
    );
  const values = authorizedValues(res, 'query', definition, parseShape(definition, requestParams(req)));
  const live = ctx.store.snapshotId;
  if (!live) throw new HttpProblem(503, 'No data', 'no snapshot is live');
  const candidate = await candidates.candidate(submission.id, live);
  res.set('Cache-Control', 'no-store');
  if (candidate.state === 'building') {
    res.status(202).set('Retry-After', '2').json({ status: 'building', submission: submission.id, base: live });
    return;
  }
  if (candidate.state === 'failed')
    throw new HttpProblem(409, 'No preview', `the submission could not be applied to the live data for a preview: ${candidate.reason}`);
  await withLease(candidate.store, ctx.config.QUERY_TIMEOUT_MS, async (lease) => {
    await checkCodes(definition, values, { snapshotId: lease.snapshotId, connection: lease.connection, allowed: ctx.allowed });
    const meta = { name: definition.name, snapshot: lease.snapshotId, params: values, provenance: null, lang: null };
    const { body, rows } = await encodeToBuffer(lease.connection, definition, values, 'json', meta);
    res.locals.rows = rows;
    res.locals.snapshot = lease.snapshotId;
    res
      .set({ 'X-Data-Version': lease.snapshotId, 'X-Preview-Of': submission.id, 'X-Preview-Base': live })
      .type('application/json')
      .send(body);
  });
}

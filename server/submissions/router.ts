import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Principal } from '../../core/access.js';
import { appendAudit } from '../../core/audit-log.js';
import { datasets } from '../../core/datasets/index.js';
import type { Submission, SubmissionActor, SubmissionStatus } from '../../core/submission.js';
import {
  candidateDir,
  listSubmissions,
  newSubmissionId,
  readSubmission,
  stagedFileDir,
  submissionDir,
  writeSubmission,
} from '../../core/submission-store.js';
import { mayActForProvince, requireRole } from '../access/policy.js';
import { principalOf } from '../access/principal.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import { perMinuteLimit } from '../protection.js';
import { CheckFailed, CheckSlots, runCheck } from './check-runner.js';
import { submissionSettings, type SubmissionSettings } from './settings.js';
import { receiveUpload } from './upload.js';
import { startWorker } from './worker-launch.js';
import { Candidates } from './candidates.js';
import { sendPreview } from './preview.js';

const actorOf = (p: Principal): SubmissionActor => ({ id: p.id, name: p.name, role: p.role });
const verbs = { approval: 'approve', return: 'return', withdrawal: 'withdraw' } as const;
const encodingName = /^[A-Za-z0-9_-]{2,20}$/;

function optionalParam(req: Request, name: string, fields: Record<string, string> = {}): string | undefined {
  const value = req.query[name] ?? fields[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new HttpProblem(400, 'Bad parameter', `${name}: give it once`, [{ name, reason: 'repeated' }]);
  return value;
}

function checkedDataset(name: string | undefined): string | undefined {
  if (name === undefined || datasets.some((d) => d.name === name)) return name;
  const known = datasets.map((d) => d.name).join(', ');
  throw new HttpProblem(400, 'Unknown dataset', `dataset: '${name.slice(0, 100)}' is not a dataset; one of ${known}`, [
    { name: 'dataset', reason: `one of ${known}` },
  ]);
}

function checkedEncoding(name: string | undefined): string | undefined {
  if (name === undefined || encodingName.test(name)) return name;
  throw new HttpProblem(400, 'Unknown encoding', `encoding: '${name.slice(0, 100)}' is not an encoding name (such as gb18030)`, [
    { name: 'encoding', reason: 'an encoding name such as gb18030 or utf-8' },
  ]);
}

/** The submissions a principal may see: an official their province's, a planner or administrator all. */
const mayRead = (principal: Principal, s: Submission): boolean =>
  principal.role === 'planner' || principal.role === 'admin' || (s.province !== null && mayActForProvince(principal, s.province));

/** Runs changes of one submission one after another (two approvals at once must not both succeed). */
class OneAtATime {
  private readonly tails = new Map<string, Promise<unknown>>();
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => this.tails.get(key) === tail && this.tails.delete(key));
    return next;
  }
}

function submitLimit(perMinute: number): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    ...perMinuteLimit(
      'Too many submissions',
      `at most ${perMinute} submissions a minute from one account (SUBMISSIONS_PER_MINUTE); retry after the time in the Retry-After header`,
    ),
    limit: perMinute,
    // One account's submissions are counted together, wherever they come from; the anonymous by address.
    keyGenerator: (req, res) => {
      const id = principalOf(res).id;
      return id ? `account:${id}` : ipKeyGenerator(req.ip ?? '');
    },
  });
}

/**
 * POST /api/submissions and the workflow after it (docs/submissions.md): a file is staged outside the snapshots,
 * validated in a child process, then approved (the ingest worker publishes it), returned or withdrawn.
 */
export function submissionsRouter(ctx: AppContext, settings: SubmissionSettings = submissionSettings()): Router {
  const router = Router();
  const dataDir = resolve(ctx.dataDir);
  const slots = new CheckSlots({ concurrency: settings.checks, timeoutMs: settings.checkTimeoutMs, memoryMb: settings.checkMemoryMb });
  const changes = new OneAtATime();
  const launchWorker = () => {
    if (settings.startWorker) startWorker(dataDir, settings.checkMemoryMb);
  };
  const candidates = new Candidates(dataDir, { memory_limit: `${settings.checkMemoryMb}MB`, threads: '2' }, (id) =>
    startWorker(dataDir, settings.checkMemoryMb, id),
  );
  // Approvals left waiting by a stop of the server or of a worker are taken up at start.
  void listSubmissions(dataDir).then((all) => all.some((s) => s.status === 'approved') && launchWorker());

  async function visible(res: Response, id: string): Promise<Submission> {
    const submission = await readSubmission(dataDir, id);
    // Another province's submission is not said to exist.
    if (!submission || !mayRead(principalOf(res), submission)) throw new HttpProblem(404, 'Not found', `no submission ${id.slice(0, 40)}`);
    return submission;
  }

  /** Moves a validated submission to its next status (under the submission's own turn), with its audit event. */
  function decide(
    res: Response,
    id: string,
    status: SubmissionStatus,
    action: 'approval' | 'return' | 'withdrawal',
    may: (principal: Principal, s: Submission) => boolean,
    reason?: string,
  ): Promise<Submission> {
    return changes.run(id, async () => {
      const principal = principalOf(res);
      const submission = await visible(res, id);
      if (!may(principal, submission)) throw new HttpProblem(403, 'Not allowed', `this account may not ${verbs[action]} this submission`);
      if (submission.status !== 'validated')
        throw new HttpProblem(
          409,
          'Not possible now',
          `the submission is ${submission.status}: only a validated submission can be ${status}`,
        );
      const decided: Submission = {
        ...submission,
        status,
        decidedBy: actorOf(principal),
        decidedAt: new Date().toISOString(),
        ...(reason ? { reason } : {}),
      };
      await writeSubmission(dataDir, decided);
      // A decided submission has no more preview; a returned or withdrawn file will not be published: it is not kept.
      candidates.drop(id);
      await rm(candidateDir(dataDir, id), { recursive: true, force: true });
      if (status !== 'approved') await rm(stagedFileDir(dataDir, id), { recursive: true, force: true });
      await appendAudit(dataDir, {
        action,
        actor: actorOf(principal),
        target: id,
        detail: {
          dataset: submission.dataset,
          fileName: submission.fileName,
          province: submission.province,
          ...(reason ? { reason } : {}),
        },
      });
      return decided;
    });
  }

  router.post(
    '/api/submissions',
    requireRole('official', 'submitting a file'),
    (_req, res, next) => {
      const principal = principalOf(res);
      if (principal.role === 'official' && !principal.province)
        return next(new HttpProblem(403, 'Not allowed', 'this official account has no province; ask an administrator to set it'));
      next();
    },
    submitLimit(settings.perMinute),
    async (req, res) => {
      const principal = principalOf(res);
      // The parameters are checked before a byte of the file is read.
      checkedDataset(optionalParam(req, 'dataset'));
      checkedEncoding(optionalParam(req, 'encoding'));
      const release = slots.take(res);
      const id = newSubmissionId();
      try {
        let upload;
        try {
          upload = await receiveUpload(req, stagedFileDir(dataDir, id), settings.maxBytes);
        } catch (error) {
          // What was not read is not waited for: the connection closes after the answer.
          res.set('Connection', 'close');
          res.on('finish', () => req.destroy());
          throw error;
        }
        const dataset = checkedDataset(optionalParam(req, 'dataset', upload.fields));
        const encoding = checkedEncoding(optionalParam(req, 'encoding', upload.fields));
        const province = principal.role === 'official' ? principal.province : null;
        const submission: Submission = {
          id,
          dataset: dataset ?? null,
          fileName: upload.fileName,
          bytes: upload.bytes,
          sha256: upload.sha256,
          status: 'validated',
          province,
          submittedBy: actorOf(principal),
          submittedAt: new Date().toISOString(),
          report: { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, added: 0, replaced: 0, problems: [], problemCount: 0 },
        };
        try {
          const check = await runCheck(
            {
              file: upload.path,
              dataDir,
              scratchDir: `${submissionDir(dataDir, id)}/check`,
              dataset,
              encoding,
              province: province ?? undefined,
            },
            slots.limits,
          );
          submission.dataset = check.dataset;
          submission.report = check.report;
        } catch (error) {
          if (!(error instanceof CheckFailed)) throw error;
          submission.report.problems = [{ row: null, column: null, value: null, reason: error.message }];
          submission.report.problemCount = 1;
        }
        if (submission.report.problemCount > 0) {
          submission.status = 'refused';
          submission.reason = `${submission.report.problemCount} problem(s): see the report`;
          // A refused file is not kept; its record and report are.
          await rm(stagedFileDir(dataDir, id), { recursive: true, force: true });
        }
        await rm(`${submissionDir(dataDir, id)}/check`, { recursive: true, force: true });
        await writeSubmission(dataDir, submission);
        await appendAudit(dataDir, {
          action: 'submission',
          actor: actorOf(principal),
          target: id,
          detail: {
            status: submission.status,
            dataset: submission.dataset,
            fileName: submission.fileName,
            bytes: submission.bytes,
            sha256: submission.sha256,
            province,
            rowsRead: submission.report.rowsRead,
            problemCount: submission.report.problemCount,
          },
        });
        res.status(201).location(`/api/submissions/${id}`).json(submission);
      } catch (error) {
        if (!(await readSubmission(dataDir, id))) await rm(submissionDir(dataDir, id), { recursive: true, force: true });
        throw error;
      } finally {
        release();
      }
    },
  );

  router.get('/api/submissions', requireRole('official', 'submissions'), async (_req, res) => {
    const principal = principalOf(res);
    const all = (await listSubmissions(dataDir)).filter((s) => mayRead(principal, s)).reverse();
    res.set('Cache-Control', 'no-store').json({ submissions: all });
  });

  router.get('/api/submissions/:id', requireRole('official', 'submissions'), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await visible(res, String(req.params.id)));
  });

  router.post('/api/submissions/:id/withdraw', requireRole('official', 'withdrawing a submission'), async (req, res) => {
    const own = (p: Principal, s: Submission) => p.role === 'planner' || p.role === 'admin' || (p.id !== null && p.id === s.submittedBy.id);
    res.json(await decide(res, String(req.params.id), 'withdrawn', 'withdrawal', own));
  });

  router.post('/api/submissions/:id/approve', requireRole('planner', 'approving a submission'), async (req, res) => {
    const approved = await decide(res, String(req.params.id), 'approved', 'approval', () => true);
    launchWorker();
    res.status(202).json(approved);
  });

  router.post(
    '/api/submissions/:id/return',
    requireRole('planner', 'returning a submission'),
    express.json({ limit: '16kb' }),
    async (req, res) => {
      const reason = (req.body as { reason?: unknown } | undefined)?.reason;
      if (typeof reason !== 'string' || !reason.trim() || reason.length > 2000)
        throw new HttpProblem(400, 'Reason needed', 'reason: say why the submission is returned (1 to 2,000 characters)', [
          { name: 'reason', reason: 'required text of 1 to 2,000 characters' },
        ]);
      res.json(await decide(res, String(req.params.id), 'returned', 'return', () => true, reason.trim()));
    },
  );

  router.get('/api/submissions/:id/preview/:query', requireRole('planner', 'previewing a submission'), async (req, res) => {
    const submission = await visible(res, String(req.params.id));
    if (submission.status !== 'validated')
      throw new HttpProblem(409, 'Not possible now', `the submission is ${submission.status}: only a validated submission is previewed`);
    await sendPreview(ctx, candidates, submission, req, res);
  });

  return router;
}

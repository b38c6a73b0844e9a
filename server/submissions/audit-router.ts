import { Router } from 'express';
import { resolve } from 'node:path';
import { readAudit, type AuditEvent } from '../../core/audit-log.js';
import { requireRole } from '../access/policy.js';
import type { AppContext } from '../context.js';
import { BOM } from '../encode/csv.js';
import { HttpProblem } from '../problem.js';

const csvColumns = ['time', 'action', 'actor_id', 'actor_name', 'actor_role', 'target', 'detail'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading =+-@ is defused for spreadsheets. */
function csvField(value: string | null): string {
  if (value === null) return '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function auditCsv(events: AuditEvent[]): string {
  const rows = events.map((e) =>
    [e.time, e.action, e.actor.id, e.actor.name, e.actor.role, e.target, e.detail ? JSON.stringify(e.detail) : null]
      .map(csvField)
      .join(','),
  );
  return `${BOM}${[csvColumns.join(','), ...rows].join('\r\n')}\r\n`;
}

/** GET /api/audit?format=json|csv: the audit log (sign-ins, exports, submissions, decisions, publications), planners and administrators only. */
export function auditRouter(ctx: AppContext): Router {
  const router = Router();
  const dataDir = resolve(ctx.dataDir);
  router.get('/api/audit', requireRole('planner', 'the audit log'), async (req, res) => {
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new HttpProblem(400, 'Bad parameter', "format: 'json' or 'csv'", [{ name: 'format', reason: "one of 'json', 'csv'" }]);
    const events = await readAudit(dataDir);
    res.set('Cache-Control', 'no-store');
    if (format === 'json') {
      res.json({ events });
      return;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    res.type('text/csv; charset=utf-8').attachment(`audit-${stamp}.csv`).send(auditCsv(events));
  });
  return router;
}

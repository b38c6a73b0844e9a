import type { Principal } from '../../core/access.js';
import { appendAudit } from '../../core/audit-log.js';

/** A dataset export made with an account (token or session) is recorded: who, when, which request. */
export async function auditExport(dataDir: string, principal: Principal, method: string, url: string, format: string): Promise<void> {
  if (principal.via !== 'token' && principal.via !== 'session') return;
  if (method === 'HEAD') return;
  await appendAudit(dataDir, {
    action: 'export',
    actor: { id: principal.id, name: principal.name, role: principal.role },
    target: url.slice(0, 2000),
    detail: { format, via: principal.via },
  });
}

const downloads = new Set(['csv', 'parquet', 'datapackage', 'provenance']);

/**
 * Prefecture-level detail read through an analytic is recorded too when it leaves as data: every request made
 * with a token (a script), and a download (CSV, Parquet, data package) made in the browser — not each chart the
 * web app draws with the session.
 */
export async function auditDetailRead(
  dataDir: string,
  principal: Principal,
  request: { method: string; url: string; format: string; detail: boolean },
): Promise<void> {
  if (!request.detail) return;
  if (principal.via === 'token' || (principal.via === 'session' && downloads.has(request.format)))
    await auditExport(dataDir, principal, request.method, request.url, request.format);
}

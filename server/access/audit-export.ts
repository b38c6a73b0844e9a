import type { Principal } from '../../core/access.js';
import { appendAudit } from '../../core/audit-log.js';

/** A dataset export made with an account (token or session) is recorded: who, when, which request. */
export async function auditExport(dataDir: string, principal: Principal, url: string, format: string): Promise<void> {
  if (principal.via !== 'token' && principal.via !== 'session') return;
  await appendAudit(dataDir, {
    action: 'export',
    actor: { id: principal.id, name: principal.name, role: principal.role },
    target: url.slice(0, 2000),
    detail: { format, via: principal.via },
  });
}

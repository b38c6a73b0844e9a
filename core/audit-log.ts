import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { auditFile } from './access-layout.js';

export type AuditAction =
  | 'sign-in'
  | 'sign-in-refused'
  | 'sign-out'
  | 'export'
  | 'submission'
  | 'withdrawal'
  | 'approval'
  | 'return'
  | 'publication'
  | 'publication-failed'
  | 'user-added'
  | 'user-revoked';

export interface AuditEvent {
  time: string;
  action: AuditAction;
  /** Who acted: an account id and name, or the process ('ingest worker', 'users command'). */
  actor: { id: string | null; name: string; role: string | null };
  /** What it acted on: an export's URL, a submission id, an account id. */
  target: string;
  detail?: Record<string, unknown>;
}

/**
 * Appends one event to the audit log (one JSON line; an append of one line is atomic on a local file system, so
 * the server, the ingest worker and the users command may write at once).
 */
export async function appendAudit(dataDir: string, event: Omit<AuditEvent, 'time'>): Promise<void> {
  const file = auditFile(dataDir);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`, { mode: 0o600 });
}

/** Every event in the log, oldest first (a torn last line, from a crash mid-write, is skipped). */
export async function readAudit(dataDir: string): Promise<AuditEvent[]> {
  const text = await readFile(auditFile(dataDir), 'utf8').catch(() => '');
  const events: AuditEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      events.push(JSON.parse(line) as AuditEvent);
    } catch {
      // only the last line can be torn
    }
  }
  return events;
}

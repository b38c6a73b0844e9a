import type { AuditAction, AuditEvent } from '../../../core/audit-log.js';
import type { Role } from '../../../core/access.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { roleLabel } from './access.js';
import { formatTime } from './submission.js';

const actionKeys: Record<AuditAction, MessageKey> = {
  'sign-in': 'auditActionSignIn',
  'sign-in-refused': 'auditActionSignInRefused',
  'sign-out': 'auditActionSignOut',
  export: 'auditActionExport',
  submission: 'auditActionSubmission',
  withdrawal: 'auditActionWithdrawal',
  approval: 'auditActionApproval',
  return: 'auditActionReturn',
  publication: 'auditActionPublication',
  'publication-failed': 'auditActionPublicationFailed',
  'user-added': 'auditActionUserAdded',
  'user-revoked': 'auditActionUserRevoked',
};

const isRole = (value: string | null): value is Role =>
  value === 'public' || value === 'researcher' || value === 'official' || value === 'planner' || value === 'admin';

/** One row of the audit table, as text. */
export interface AuditRow {
  time: string;
  action: string;
  /** The action's code ('approval'), kept for styles and tests. */
  code: string;
  actor: string;
  target: string;
  detail: string;
}

/** A value of an event's detail as one line of text (objects as JSON). */
const detailValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The audit log's events as the table shows them: newest first, actions and roles in words, details as key=value. */
export function auditRows(events: readonly AuditEvent[], t: Translate): AuditRow[] {
  return [...events]
    .sort((a, b) => b.time.localeCompare(a.time))
    .map((e) => ({
      time: formatTime(e.time, t),
      action: e.action in actionKeys ? t(actionKeys[e.action]) : e.action,
      code: e.action,
      actor: isRole(e.actor.role) ? t('accessSignedInAs', { name: e.actor.name, role: roleLabel(e.actor.role, t) }) : e.actor.name,
      target: e.target,
      detail: Object.entries(e.detail ?? {})
        .map(([key, value]) => `${key}=${detailValue(value)}`)
        .join('; '),
    }));
}

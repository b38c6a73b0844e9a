/** The submissions and audit routes (docs/access.md), called with the session (access/session.ts). */
import type { AuditEvent } from '../../../core/audit-log.js';
import type { Submission } from '../../../core/submission.js';
import { apiUrl } from '../api.js';
import { uploadContentType } from '../view-models/submission.js';
import { call, callJson } from './session.js';

export type { AuditEvent } from '../../../core/audit-log.js';

const one = (id: string, action = '') => `/api/submissions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const listSubmissions = async (): Promise<Submission[]> =>
  (await callJson<{ submissions: Submission[] }>('GET', '/api/submissions')).submissions;

export const getSubmission = (id: string): Promise<Submission> => callJson<Submission>('GET', one(id));

/**
 * Sends a file as the request body, named in X-File-Name (percent-encoded UTF-8) and typed by its extension;
 * the answer is the submission with its whole validation report, validated or refused.
 */
export async function uploadSubmission(file: File, options: { gb18030: boolean }): Promise<Submission> {
  const url = apiUrl('/api/submissions', { encoding: options.gb18030 ? 'gb18030' : null });
  const response = await call('POST', url, {
    body: file,
    headers: { 'Content-Type': uploadContentType(file.name, file.type), 'X-File-Name': encodeURIComponent(file.name) },
  });
  return (await response.json()) as Submission;
}

export const withdrawSubmission = (id: string): Promise<Submission> => callJson<Submission>('POST', one(id, 'withdraw'));
export const approveSubmission = (id: string): Promise<Submission> => callJson<Submission>('POST', one(id, 'approve'));
export const returnSubmission = (id: string, reason: string): Promise<Submission> =>
  callJson<Submission>('POST', one(id, 'return'), { reason });

export const auditCsvUrl = '/api/audit?format=csv';
export const getAudit = async (): Promise<AuditEvent[]> =>
  (await callJson<{ events: AuditEvent[] }>('GET', '/api/audit?format=json')).events;

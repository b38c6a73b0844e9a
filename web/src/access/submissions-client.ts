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

/** An analytic's JSON answer and the data version it was read from. */
export interface AnalyticAnswer {
  rows: Record<string, unknown>[];
  version: string | null;
}

/** A preview's answer: the candidate's rows, or how long to wait while the ingest worker builds the candidate. */
export type PreviewAnswer = ({ state: 'ready'; base: string | null } & AnalyticAnswer) | { state: 'building'; retryAfterMs: number };

/**
 * An analytic on the submission's candidate (the live data with the file ingested, never published). Read apart
 * from the app's results: its data version is the candidate's, not the one the dashboard shows.
 */
export async function previewAnalytic(id: string, query: string, params: Record<string, string>): Promise<PreviewAnswer> {
  const response = await call('GET', apiUrl(`${one(id, 'preview')}/${encodeURIComponent(query)}`, params));
  if (response.status === 202) {
    await response.body?.cancel();
    const seconds = Number(response.headers.get('Retry-After'));
    return { state: 'building', retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 2000 };
  }
  const body = (await response.json()) as { rows: Record<string, unknown>[] };
  return { state: 'ready', rows: body.rows, version: response.headers.get('X-Data-Version'), base: response.headers.get('X-Preview-Base') };
}

/** The same analytic on the live data, as JSON, read afresh (the preview compares with what is served now). */
export async function liveAnalytic(query: string, params: Record<string, string>): Promise<AnalyticAnswer> {
  const response = await call('GET', apiUrl(`/api/queries/${encodeURIComponent(query)}`, params, 'json'));
  const body = (await response.json()) as { rows: Record<string, unknown>[] };
  return { rows: body.rows, version: response.headers.get('X-Data-Version') };
}

export const auditCsvUrl = '/api/audit?format=csv';
export const getAudit = async (): Promise<AuditEvent[]> =>
  (await callJson<{ events: AuditEvent[] }>('GET', '/api/audit?format=json')).events;

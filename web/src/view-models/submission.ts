import type { SessionInfo } from '../../../core/access.js';
import type { Submission, SubmissionReport, SubmissionStatus } from '../../../core/submission.js';
import { formatExact, type Lang } from '../i18n/format.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { abilities } from './access.js';

export type { Submission, SubmissionReport, SubmissionStatus } from '../../../core/submission.js';

/** A status as the page shows it: a symbol and a word (never the colour alone), and a tone for its style. */
export interface StatusView {
  status: SubmissionStatus;
  symbol: string;
  label: string;
  tone: 'ready' | 'done' | 'pending' | 'bad' | 'muted';
}

const statusStyle: Record<SubmissionStatus, { key: MessageKey; symbol: string; tone: StatusView['tone'] }> = {
  validated: { key: 'statusValidated', symbol: '●', tone: 'ready' },
  refused: { key: 'statusRefused', symbol: '✖', tone: 'bad' },
  approved: { key: 'statusApproved', symbol: '▲', tone: 'pending' },
  published: { key: 'statusPublished', symbol: '✔', tone: 'done' },
  'publication-failed': { key: 'statusPublicationFailed', symbol: '✖', tone: 'bad' },
  returned: { key: 'statusReturned', symbol: '↩', tone: 'bad' },
  withdrawn: { key: 'statusWithdrawn', symbol: '–', tone: 'muted' },
};

/** Every status, in the order of a submission's life (the queue's filter). */
export const submissionStatuses = Object.keys(statusStyle) as SubmissionStatus[];

export function statusView(status: SubmissionStatus, t: Translate): StatusView {
  const style = statusStyle[status];
  return { status, symbol: style.symbol, label: t(style.key), tone: style.tone };
}

/** An approved submission is being published by the ingest worker: the page asks again until it is decided. */
export const isBeingPublished = (status: SubmissionStatus): boolean => status === 'approved';

/** A list with a submission still to be decided or published is asked for again (its statuses will change). */
export const listMayChange = (submissions: readonly Pick<Submission, 'status'>[]): boolean =>
  submissions.some((s) => s.status === 'validated' || s.status === 'approved');

/**
 * The data versions published since the list was last read: those of submissions that are published now and were
 * not before (or were not in it). The newest first; empty when none.
 */
export function newlyPublished(
  before: readonly Pick<Submission, 'id' | 'status'>[],
  after: readonly Pick<Submission, 'id' | 'status' | 'snapshotId'>[],
): string[] {
  const was = new Map(before.map((s) => [s.id, s.status]));
  return after
    .filter((s) => s.status === 'published' && s.snapshotId && was.get(s.id) !== 'published')
    .map((s) => s.snapshotId!)
    .sort()
    .reverse();
}

/** "2026-11-30 14:25（北京时间）": a time stamp at the ministry's clock, whatever the browser's zone. */
export function formatTime(iso: string, t: Translate): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return t('timeBeijing', { time: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}` });
}

/** The ingest's words for what a value should be (core/column-sql.ts `expectation`), in Chinese. */
const expectedZh: Record<string, string> = {
  text: '文本',
  'a code': '代码',
  'a whole number': '整数',
  'a whole number ≥ 0': '不小于 0 的整数',
  'a number': '数字',
  'a finite number (not NaN or infinity)': '有限的数字（不能是 NaN 或无穷大）',
  'true/false (是/否, 1/0)': '是/否（true/false，1/0）',
  'a month such as 2024-03, 2024/3, 202403 or 2024年3月': '月份，如 2024-03、2024/3、202403 或 2024年3月',
  'a quarter such as 2024Q1, 2024-Q1 or 2024年第1季度': '季度，如 2024Q1、2024-Q1 或 2024年第1季度',
  'a four-digit year': '四位数的年份',
};

/** The ingest's reasons for a row's problem (ingest/validate.ts) and their Chinese; the first match wins. */
const reasonsZh: readonly [RegExp, (...groups: string[]) => string | null][] = [
  [/^required value is missing$/, () => '缺少必填值'],
  [/^expected (.+)$/, (what) => (expectedZh[what] ? `应为${expectedZh[what]}` : null)],
  [/^must not be negative$/, () => '不能为负数'],
  [/^must be at least (.+)$/, (min) => `不能小于 ${min}`],
  [/^must be at most (.+)$/, (max) => `不能大于 ${max}`],
  [/^must be one of (.+)$/, (list) => `必须是以下之一：${list.split(', ').join('、')}`],
  [/^unknown code: not in ([\w]+)\.([\w]+)$/, (table, column) => `未知代码：参考数据 ${table}.${column} 中没有这个值`],
  [/^duplicate key: same as row (\d+)$/, (row) => `重复的键：与第 ${row} 行相同`],
  [/^a NUL character \(0x00\): not text$/, () => '含有空字符（0x00），不是文本'],
  [
    /^this very file \(the same bytes\) is already in the published data: nothing new$/,
    () => '这个文件（逐字节相同）已在发布的数据中：没有新内容',
  ],
  [/^the file could not be read for validation$/, () => '无法读取这个文件进行校验'],
  [
    /^region outside province (\d+): an official submits only their own province's rows$/,
    (code) => `地区不在本省（${code}）之内：业务人员只能报送本省的数据`,
  ],
  [
    /^dataset (\S+) has no region column: an official submits only figures of their own province$/,
    (name) => `数据集 ${name} 没有地区列：业务人员只能报送本省的数据`,
  ],
  [
    /^a period in the future \(after (.+)\): actual figures cannot be reported yet$/,
    (after) => `未来的期间（晚于 ${after}）：实际数字尚不能上报`,
  ],
];

/**
 * A problem's reason in the page's language, and the language it is written in. The ingest writes its reasons in
 * English; the ones it gives for a row are said in Chinese on the Chinese page. Any other reason (a file refused
 * as a whole) is shown as the server wrote it, marked as English for screen readers.
 */
export function reasonText(reason: string, lang: Lang): { text: string; lang: Lang } {
  if (lang === 'en') return { text: reason, lang: 'en' };
  for (const [pattern, say] of reasonsZh) {
    const match = pattern.exec(reason);
    const said = match ? say(...match.slice(1)) : null;
    if (said) return { text: said, lang: 'zh' };
  }
  return { text: reason, lang: 'en' };
}

/** One row of the report's problem table. */
export interface ProblemRow {
  row: string;
  column: string;
  value: string;
  /** True when the value was empty (shown as "(empty)", in the muted style). */
  empty: boolean;
  reason: string;
  reasonLang: Lang;
}

export interface ReportView {
  counts: string;
  periods: string | null;
  problems: ProblemRow[];
  caption: string;
  /** Said when the report lists fewer problems than it found. */
  shownNote: string | null;
}

export function reportView(report: SubmissionReport, lang: Lang, t: Translate): ReportView {
  const n = (value: number) => formatExact(value, 0);
  const problems = report.problems.map((p) => {
    const reason = reasonText(p.reason, lang);
    return {
      row: p.row === null ? t('reportWholeFile') : String(p.row),
      column: p.column ?? '—',
      value: p.value === null || p.value === '' ? t('reportEmptyValue') : p.value,
      empty: p.value === null || p.value === '',
      reason: reason.text,
      reasonLang: reason.lang,
    };
  });
  return {
    counts: t('reportCounts', {
      read: n(report.rowsRead),
      accepted: n(report.rowsAccepted),
      rejected: n(report.rowsRejected),
      added: n(report.added),
      replaced: n(report.replaced),
    }),
    periods: report.periods?.length ? t('reportPeriods', { periods: report.periods.join(lang === 'zh' ? '、' : ', ') }) : null,
    problems,
    caption: report.problemCount ? t('reportProblemsCaption', { count: n(report.problemCount) }) : t('reportNoProblems'),
    shownNote:
      report.problemCount > report.problems.length
        ? t('reportProblemsShown', { shown: n(report.problems.length), count: n(report.problemCount) })
        : null,
  };
}

/** What the signed-in user may do to a submission now (the server checks again). */
export interface SubmissionActions {
  withdraw: boolean;
  approve: boolean;
  return: boolean;
}

export function submissionActions(submission: Submission, session: SessionInfo | null): SubmissionActions {
  const can = abilities(session);
  const open = submission.status === 'validated';
  const own = session?.mode === 'open' || (session?.user?.id != null && session.user.id === submission.submittedBy.id);
  return { withdraw: open && (own || can.decide), approve: open && can.decide, return: open && can.decide };
}

/** How codes are named on the page: a province by its name, a dataset by its catalog title. */
export interface Namers {
  province(code: string): string;
  dataset(name: string): string;
}

/** A row of the submissions table. */
export interface QueueRow {
  id: string;
  submittedAt: string;
  province: string;
  dataset: string;
  fileName: string;
  submittedBy: string;
  status: StatusView;
  rows: string;
}

export function queueRows(submissions: readonly Submission[], names: Namers, t: Translate): QueueRow[] {
  return [...submissions]
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
    .map((s) => ({
      id: s.id,
      submittedAt: formatTime(s.submittedAt, t),
      province: s.province ? names.province(s.province) : t('detailNational'),
      dataset: s.dataset ? names.dataset(s.dataset) : '—',
      fileName: s.fileName,
      submittedBy: s.submittedBy.name,
      status: statusView(s.status, t),
      rows: `${formatExact(s.report.rowsAccepted, 0)}/${formatExact(s.report.rowsRead, 0)}`,
    }));
}

/** The lines under a submission's heading: what, whose, when; its decision and publication. */
export function submissionLines(submission: Submission, names: Namers, t: Translate): string[] {
  const lines = [
    t('detailMeta', {
      dataset: submission.dataset ? names.dataset(submission.dataset) : '—',
      province: submission.province ? names.province(submission.province) : t('detailNational'),
      who: submission.submittedBy.name,
      when: formatTime(submission.submittedAt, t),
    }),
  ];
  if (submission.decidedBy && submission.decidedAt)
    lines.push(t('detailDecided', { who: submission.decidedBy.name, when: formatTime(submission.decidedAt, t) }));
  if (submission.status === 'publication-failed') lines.push(t('detailPublicationFailed', { reason: submission.reason ?? '—' }));
  // A refusal's reason is its report (below); a return's is the planner's own words.
  else if (submission.reason && submission.status !== 'refused') lines.push(t('detailReason', { reason: submission.reason }));
  if (submission.snapshotId) lines.push(t('detailSnapshot', { snapshot: submission.snapshotId }));
  return lines;
}

/** What the live region says when a submission's status has changed (null when it has not). */
export function describeStatusChange(previous: Submission | null, next: Submission, t: Translate): string | null {
  if (previous && previous.id === next.id && previous.status === next.status) return null;
  return t('announceStatus', { file: next.fileName, status: statusView(next.status, t).label });
}

/** The Content-Type of an upload, from the file's extension (browsers often give none for .parquet or .csv). */
export function uploadContentType(fileName: string, browserType: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case 'csv':
    case 'txt':
      return 'text/csv';
    case 'tsv':
      return 'text/tab-separated-values';
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    case 'xlsm':
      return 'application/vnd.ms-excel.sheet.macroEnabled.12';
    case 'ndjson':
    case 'jsonl':
      return 'application/x-ndjson';
    case 'parquet':
      return 'application/vnd.apache.parquet';
    case 'json':
      return 'application/json';
    default:
      return browserType || 'application/octet-stream';
  }
}

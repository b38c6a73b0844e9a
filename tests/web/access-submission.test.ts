import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../core/access.js';
import type { Submission } from '../../core/submission.js';
import { translator } from '../../web/src/i18n/index.js';
import {
  describeStatusChange,
  formatTime,
  isBeingPublished,
  queueRows,
  reasonText,
  reportView,
  statusView,
  submissionActions,
  submissionLines,
  submissionStatuses,
  uploadContentType,
  type Namers,
} from '../../web/src/view-models/submission.js';

const zh = translator('zh');
const en = translator('en');
const names: Namers = {
  province: (code) => ({ '620000': '甘肃省', '440000': '广东省' })[code] ?? code,
  dataset: (name) => (name === 'training' ? '培训明细（training）' : name),
};

const official = { id: 'u1', name: '王芳', role: 'official' as const };
const submission = (patch: Partial<Submission> = {}): Submission => ({
  id: '20261130T062500123-3f9a1c',
  dataset: 'training',
  fileName: '甘肃-2026-10.csv',
  bytes: 1200,
  sha256: 'ab'.repeat(32),
  status: 'refused',
  province: '620000',
  submittedBy: official,
  submittedAt: '2026-11-30T06:25:00.123Z',
  report: {
    rowsRead: 12345,
    rowsAccepted: 12344,
    rowsRejected: 1,
    added: 10000,
    replaced: 2344,
    periods: ['2026-09', '2026-10'],
    problems: [
      { row: 3, column: 'participants', value: '-5', reason: 'must not be negative' },
      { row: 9, column: 'month', value: '2026-13', reason: 'expected a month such as 2024-03, 2024/3, 202403 or 2024年3月' },
      { row: 11, column: 'funding_cny', value: null, reason: 'required value is missing' },
      { row: null, column: null, value: null, reason: 'the file has no header row' },
    ],
    problemCount: 60,
  },
  ...patch,
});

const session = (user: SessionInfo['user'], mode: SessionInfo['mode'] = 'enforced'): SessionInfo => ({ mode, user, csrfToken: 'x' });

describe('a problem’s reason in Chinese', () => {
  it('says each of the ingest’s row reasons in Chinese', () => {
    const cases: [string, string][] = [
      ['required value is missing', '缺少必填值'],
      ['must not be negative', '不能为负数'],
      ['expected a whole number ≥ 0', '应为不小于 0 的整数'],
      ['expected a four-digit year', '应为四位数的年份'],
      ['expected a quarter such as 2024Q1, 2024-Q1 or 2024年第1季度', '应为季度，如 2024Q1、2024-Q1 或 2024年第1季度'],
      ['must be at least 1949', '不能小于 1949'],
      ['must be at most 2100', '不能大于 2100'],
      ['must be one of gold, silver, bronze', '必须是以下之一：gold、silver、bronze'],
      ['unknown code: not in region.region_code', '未知代码：参考数据 region.region_code 中没有这个值'],
      ['duplicate key: same as row 7', '重复的键：与第 7 行相同'],
      ['a NUL character (0x00): not text', '含有空字符（0x00），不是文本'],
      ['a period in the future (after 2026-11): actual figures cannot be reported yet', '未来的期间（晚于 2026-11）：实际数字尚不能上报'],
      [
        'this very file (the same bytes) is already in the published data: nothing new',
        '这个文件（逐字节相同）已在发布的数据中：没有新内容',
      ],
      ['the file could not be read for validation', '无法读取这个文件进行校验'],
      [
        "region outside province 620000: an official submits only their own province's rows",
        '地区不在本省（620000）之内：业务人员只能报送本省的数据',
      ],
    ];
    for (const [reason, said] of cases) expect(reasonText(reason, 'zh')).toEqual({ text: said, lang: 'zh' });
  });
  it('keeps a reason it does not know, and an expectation it does not know, in English, marked as English', () => {
    expect(reasonText('the file has no header row', 'zh')).toEqual({ text: 'the file has no header row', lang: 'en' });
    expect(reasonText('expected something new', 'zh')).toEqual({ text: 'expected something new', lang: 'en' });
  });
  it('leaves every reason as written on the English page', () => {
    expect(reasonText('must not be negative', 'en')).toEqual({ text: 'must not be negative', lang: 'en' });
  });
});

describe('the validation report', () => {
  it('names row, column, value and reason of each problem; the whole file and an empty value in words', () => {
    const view = reportView(submission().report, 'zh', zh);
    expect(view.problems).toEqual([
      { row: '3', column: 'participants', value: '-5', empty: false, reason: '不能为负数', reasonLang: 'zh' },
      {
        row: '9',
        column: 'month',
        value: '2026-13',
        empty: false,
        reason: '应为月份，如 2024-03、2024/3、202403 或 2024年3月',
        reasonLang: 'zh',
      },
      { row: '11', column: 'funding_cny', value: '（空）', empty: true, reason: '缺少必填值', reasonLang: 'zh' },
      { row: '整个文件', column: '—', value: '（空）', empty: true, reason: 'the file has no header row', reasonLang: 'en' },
    ]);
  });
  it('gives every count exactly, the periods, and how many problems are not listed', () => {
    const view = reportView(submission().report, 'zh', zh);
    expect(view.counts).toBe('读取 12,345 行，接受 12,344 行，拒绝 1 行；新增 10,000 行，替换 2,344 行。');
    expect(view.periods).toBe('涉及期间：2026-09、2026-10');
    expect(view.caption).toBe('发现 60 个问题（行号从表头所在的第 1 行算起）');
    expect(view.shownNote).toBe('此处列出前 4 个问题，共 60 个。');
    const english = reportView(submission().report, 'en', en);
    expect(english.counts).toBe('12,345 rows read, 12,344 accepted, 1 rejected; 10,000 added, 2,344 replaced.');
    expect(english.shownNote).toBe('The first 4 of 60 problems are listed here.');
  });
  it('says when nothing was found, and has no note when every problem is listed', () => {
    const clean = reportView({ ...submission().report, problems: [], problemCount: 0, periods: [] }, 'zh', zh);
    expect(clean.caption).toBe('没有发现问题。');
    expect(clean.periods).toBeNull();
    expect(clean.shownNote).toBeNull();
  });
});

describe('statuses', () => {
  it('has a symbol and a word for each, never the colour alone', () => {
    expect(submissionStatuses).toEqual(['validated', 'refused', 'approved', 'published', 'publication-failed', 'returned', 'withdrawn']);
    expect(submissionStatuses.map((s) => statusView(s, zh).label)).toEqual([
      '已通过校验',
      '未通过校验',
      '已批准，发布中',
      '已发布',
      '发布失败',
      '已退回',
      '已撤回',
    ]);
    expect(statusView('published', en)).toEqual({ status: 'published', symbol: '✔', label: 'Published', tone: 'done' });
  });
  it('follows an approved submission only, until the worker has decided', () => {
    expect(submissionStatuses.filter(isBeingPublished)).toEqual(['approved']);
  });
  it('announces a change of status, and nothing when it has not changed', () => {
    const validated = submission({ status: 'validated' });
    const published = submission({ status: 'published', snapshotId: '20261130-0700' });
    expect(describeStatusChange(validated, published, zh)).toBe('报送 甘肃-2026-10.csv：已发布');
    expect(describeStatusChange(published, published, zh)).toBeNull();
    expect(describeStatusChange(null, validated, en)).toBe('Submission 甘肃-2026-10.csv: Validated');
  });
});

describe('what a user may do to a submission', () => {
  const validated = submission({ status: 'validated' });
  const gansu = session({ id: 'u1', name: '王芳', role: 'official', province: '620000' });
  const otherOfficial = session({ id: 'u9', name: '张伟', role: 'official', province: '620000' });
  const planner = session({ id: 'u2', name: '李明', role: 'planner', province: null });
  it('the official who submitted may withdraw it; another official may not; neither approves', () => {
    expect(submissionActions(validated, gansu)).toEqual({ withdraw: true, approve: false, return: false });
    expect(submissionActions(validated, otherOfficial)).toEqual({ withdraw: false, approve: false, return: false });
  });
  it('a planner may approve, return or withdraw it; the open mode visitor too', () => {
    expect(submissionActions(validated, planner)).toEqual({ withdraw: true, approve: true, return: true });
    expect(submissionActions(validated, session({ id: null, name: 'demo', role: 'planner', province: null }, 'open'))).toEqual({
      withdraw: true,
      approve: true,
      return: true,
    });
  });
  it('nothing is offered once it is no longer validated', () => {
    for (const status of ['refused', 'approved', 'published', 'returned', 'withdrawn', 'publication-failed'] as const)
      expect(submissionActions(submission({ status }), planner)).toEqual({ withdraw: false, approve: false, return: false });
  });
});

describe('the queue and a submission’s lines', () => {
  it('lists the newest first, at Beijing time, with province and dataset by name', () => {
    const older = submission({ id: 'a', submittedAt: '2026-11-29T23:59:59.000Z', fileName: 'old.csv', status: 'published' });
    const newer = submission({ id: 'b', province: null, submittedBy: { id: 'u2', name: '李明', role: 'planner' }, dataset: null });
    expect(queueRows([older, newer], names, zh)).toEqual([
      {
        id: 'b',
        submittedAt: '2026-11-30 14:25:00（北京时间）',
        province: '全国',
        dataset: '—',
        fileName: '甘肃-2026-10.csv',
        submittedBy: '李明',
        status: statusView('refused', zh),
        rows: '12,344/12,345',
      },
      {
        id: 'a',
        submittedAt: '2026-11-30 07:59:59（北京时间）',
        province: '甘肃省',
        dataset: '培训明细（training）',
        fileName: 'old.csv',
        submittedBy: '王芳',
        status: statusView('published', zh),
        rows: '12,344/12,345',
      },
    ]);
  });
  it('says who submitted and decided, when; a return’s reason; the published version; not a refusal’s summary', () => {
    expect(submissionLines(submission(), names, zh)).toEqual(['培训明细（training） · 甘肃省 · 王芳提交于2026-11-30 14:25:00（北京时间）']);
    const returned = submission({
      status: 'returned',
      decidedBy: { id: 'u2', name: '李明', role: 'planner' },
      decidedAt: '2026-11-30T16:00:00.000Z',
      reason: '10月数字与季报不符',
    });
    expect(submissionLines(returned, names, zh)).toEqual([
      '培训明细（training） · 甘肃省 · 王芳提交于2026-11-30 14:25:00（北京时间）',
      '李明处理于2026-12-01 00:00:00（北京时间）',
      '原因：10月数字与季报不符',
    ]);
    const published = submission({ status: 'published', snapshotId: '20261130T070000Z' });
    expect(submissionLines(published, names, en).at(-1)).toBe('Published as data version 20261130T070000Z');
    const failed = submission({ status: 'publication-failed', reason: 'disk full' });
    expect(submissionLines(failed, names, en).at(-1)).toBe('Publication failed: disk full');
  });
  it('writes a time that is not one as it came', () => {
    expect(formatTime('soon', zh)).toBe('soon');
  });
});

describe('an upload’s Content-Type, from its extension', () => {
  it('names the types the API reads, whatever the browser says', () => {
    expect(uploadContentType('甘肃.CSV', '')).toBe('text/csv');
    expect(uploadContentType('a.xlsx', '')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(uploadContentType('a.parquet', '')).toBe('application/vnd.apache.parquet');
    expect(uploadContentType('a.json', 'text/plain')).toBe('application/json');
    expect(uploadContentType('a.bin', '')).toBe('application/octet-stream');
    expect(uploadContentType('a.jsonl', '')).toBe('application/x-ndjson');
    expect(uploadContentType('a.tsv', '')).toBe('text/tab-separated-values');
    expect(uploadContentType('a', 'text/csv')).toBe('text/csv');
  });
});

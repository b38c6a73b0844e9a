import { describe, expect, it } from 'vitest';
import { translator } from '../../web/src/i18n/index.js';
import type { RowSource } from '../../web/src/view-models/data-catalog.js';
import { citeBibtex, citeText, versionDate, type CiteSource } from '../../web/src/view-models/data-cite.js';

const cc0 = { name: 'CC0-1.0', title: 'Creative Commons Zero v1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' };
const terms = { name: 'source-terms', title: 'Figures as published by the named source', path: 'https://www.mohrss.gov.cn/' };
const sample: RowSource = {
  name: 'synthetic',
  title: 'synthetic sample',
  path: 'docs/sample-data.md',
  licence: cc0,
  synthetic: true,
  rows: 18830,
};
const url = 'http://127.0.0.1:8080/api/datasets/training?from_year=2020&regions=530000&to_year=2024';
const training: CiteSource = {
  title: { zh: '培训明细', en: 'Training records' },
  name: 'training',
  snapshot: '20261130T033656671-7cef',
  url,
  accessed: '2026-12-01',
  licence: cc0,
  sources: [sample],
  synthetic: true,
};

describe('citing the current selection', () => {
  it('reads the day of a data version from its id', () => {
    expect(versionDate('20261130T033656671-7cef')).toBe('2026-11-30');
    expect(versionDate('latest')).toBeNull();
  });

  it('writes a plain citation with title, product, data version and its day, the request, access date, licence and that it is synthetic', () => {
    expect(citeText(training, 'en', translator('en'))).toBe(
      'Training records (training). talent-dashboard (talent services data dashboard). ' +
        'Data version 20261130T033656671-7cef (2026-11-30). ' +
        `Request URL: ${url}. Accessed 2026-12-01. ` +
        'Licence: CC0-1.0 (Creative Commons Zero v1.0 Universal, https://creativecommons.org/publicdomain/zero/1.0/). ' +
        'These data are a synthetic sample (not real figures), released under CC0.',
    );
    expect(citeText(training, 'zh', translator('zh'))).toBe(
      '培训明细 (training)。人才服务数据看板（talent-dashboard）。数据版本 20261130T033656671-7cef (2026-11-30)。' +
        `请求地址: ${url}。访问日期 2026-12-01。` +
        '许可: CC0-1.0 (Creative Commons Zero v1.0 Universal, https://creativecommons.org/publicdomain/zero/1.0/)。' +
        ' 本数据为合成样例（非真实数据），以 CC0 发布。',
    );
  });

  it('writes the same citation as a BibTeX @misc entry, the URL untouched inside \\url', () => {
    expect(citeBibtex(training, 'en', translator('en'))).toBe(
      [
        '@misc{talent-dashboard-training-20261130T0336566717cef,',
        '  title        = {{Training records (training)}},',
        '  author       = {{talent-dashboard (talent services data dashboard)}},',
        '  year         = {2026},',
        '  date         = {2026-11-30},',
        '  version      = {20261130T033656671-7cef},',
        `  howpublished = {\\url{${url}}},`,
        `  url          = {${url}},`,
        '  urldate      = {2026-12-01},',
        '  note         = {Licence: CC0-1.0 (Creative Commons Zero v1.0 Universal, https://creativecommons.org/publicdomain/zero/1.0/). These data are a synthetic sample (not real figures), released under CC0.}',
        '}',
      ].join('\n'),
    );
  });

  it('names each source with its licence when they differ, and how many rows are synthetic', () => {
    const published: RowSource = {
      name: '14th Five-Year Plan',
      title: '14th Five-Year Plan',
      path: '',
      licence: terms,
      synthetic: false,
      rows: 13,
    };
    const mixed: CiteSource = { ...training, licence: null, sources: [{ ...sample, rows: 248 }, published], synthetic: false };
    const text = citeText(mixed, 'en', translator('en'));
    expect(text).toContain('Licence: by source: synthetic: CC0-1.0; 14th Five-Year Plan: source-terms.');
    expect(text).toContain('248 of the rows are a synthetic sample (source = synthetic), not real figures.');
    // TeX's special characters in a note are escaped.
    expect(citeBibtex({ ...mixed, sources: [{ ...published, name: 'A & B 100%' }] }, 'en', translator('en'))).toContain(
      'note         = {Licence: by source: A \\& B 100\\%: source-terms}',
    );
  });
});

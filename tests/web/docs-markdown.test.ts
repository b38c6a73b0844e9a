// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, dataset } from '../../web/src/api.js';
import { translator } from '../../web/src/i18n/index.js';
import { chartFrame } from '../../web/src/ui/card-frame.js';
import { renderMarkdown } from '../../web/src/view-models/docs-markdown.js';
import { repoLink } from '../../web/src/view-models/docs.js';
import { stubLayoutApis } from './jsdom-layout.js';

const en = { lang: 'en' as const, params: {} };

describe('documents rendered for the docs pages', () => {
  it('writes only what Markdown makes: raw HTML is shown as text, comments and images dropped to nothing or their words', () => {
    const html = renderMarkdown(
      [
        '# Title',
        '',
        '<script>alert(1)</script>',
        '',
        '<!-- tables:begin (generated) -->',
        '',
        'Text with <img src=x onerror=alert(2)> inline and ![a picture](x.png).',
      ].join('\n'),
      'docs/data-model.md',
      en,
    );
    const page = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
    expect(page.querySelectorAll('script, img, [onerror]')).toHaveLength(0);
    expect(page.body.textContent).toContain('<script>alert(1)</script>');
    expect(page.body.textContent).toContain('<img src=x onerror=alert(2)>');
    expect(page.body.textContent).toContain('a picture');
    expect(html).not.toContain('tables:begin');
  });

  it('links other documents to their page in the app, web addresses to a new tab, and leaves source files as text', () => {
    const html = renderMarkdown(
      'See [the API](../docs/api.md#formats), [the sources](data/reference/sources/README.md), [licences](../core/licences.ts) and [CC0](https://creativecommons.org/publicdomain/zero/1.0/).',
      'docs/data-model.md',
      en,
    );
    const page = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
    const links = [...page.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('data-nav'), a.target]);
    expect(links).toEqual([
      ['the API', '/docs/api?lang=en#formats', true, ''],
      ['the sources', '/docs/sources?lang=en', true, ''],
      ['CC0', 'https://creativecommons.org/publicdomain/zero/1.0/', false, '_blank'],
    ]);
    expect(page.body.textContent).toContain('licences and CC0');
  });

  it('resolves a link from where its document is', () => {
    expect(repoLink('docs/data-model.md', 'sample-data.md')).toBe('sample');
    expect(repoLink('docs/data-model.md', '../data/reference/sources/README.md')).toBe('sources');
    expect(repoLink('README.md', 'docs/reference-data.md#regions')).toBe('reference');
    expect(repoLink('docs/api.md', '../core/licences.ts')).toBeNull();
  });

  it('renders the data model: its headings one level down with ids, its generated tables, no comment markers', () => {
    const markdown = readFileSync(join(import.meta.dirname, '../../docs/data-model.md'), 'utf8');
    const page = new DOMParser().parseFromString(`<div>${renderMarkdown(markdown, 'docs/data-model.md', en)}</div>`, 'text/html');
    expect(page.querySelector('h1')).toBeNull();
    expect(page.querySelector('h2')!.textContent).toBe('Data model');
    expect(page.querySelector('h2')!.id).toBe('data-model');
    // "### `region` — Regions / 行政区划": an h4 with its id in both scripts.
    const region = [...page.querySelectorAll('h4')].find((h) => h.textContent!.startsWith('region'))!;
    expect(region.id).toBe('region-regions-行政区划');
    const tables = page.querySelectorAll('table');
    expect(tables.length).toBeGreaterThanOrEqual(13); // one a table: 9 reference, 4 facts (core/datasets)
    expect(page.body.innerHTML).not.toContain('<!--');
  });
});

describe("a chart card's method link", () => {
  beforeAll(() => {
    stubLayoutApis();
  });

  it("goes to its analytic's method page in the page's language, and follows the card's request", () => {
    const frame = chartFrame({
      id: 'c',
      title: 'Training trend',
      source: 's',
      api: query('training-trend', { grain: 'year' }),
      t: translator('en'),
    });
    const link = frame.element.querySelector<HTMLAnchorElement>('.card-method')!;
    expect([link.getAttribute('href'), link.hidden, link.hasAttribute('data-nav'), link.textContent]).toEqual([
      '/docs/method/training-trend?lang=en',
      false,
      true,
      'Method',
    ]);
    frame.setApi(query('talent-gap'));
    expect(link.getAttribute('href')).toBe('/docs/method/talent-gap?lang=en');
    // A dataset export has no method of its own.
    frame.setApi(dataset('target'));
    expect(link.hidden).toBe(true);
    const zhFrame = chartFrame({ id: 'd', title: '人才缺口', source: 's', api: query('talent-gap'), t: translator('zh') });
    const zhLink = zhFrame.element.querySelector<HTMLAnchorElement>('.card-method')!;
    expect([zhLink.getAttribute('href'), zhLink.textContent]).toEqual(['/docs/method/talent-gap', '方法说明']);
  });
});

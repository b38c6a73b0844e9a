import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Meta } from '../../core/wire.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';
import { translator } from '../../web/src/i18n/index.js';
import { methodView, type Segment } from '../../web/src/view-models/docs-method.js';
import { sourcesView, type MetaLicences } from '../../web/src/view-models/docs-sources.js';

// The catalog and meta as a real server answers them (GET /api/queries, GET /api/meta) over a small fixture snapshot.
let db: FixtureDb;
let server: RunningServer;
let catalog: Catalog;
let meta: Meta & { licences?: MetaLicences };

beforeAll(async () => {
  db = await buildFixtureDb({
    'training.csv':
      'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source\n2024-03,440100,vocational_training,general,200,180,20,0,Guangdong bulletin 2024\n',
  });
  server = await startServer(db.dataDir);
  catalog = (await (await fetch(`${server.url}/api/queries`)).json()) as Catalog;
  meta = (await (await fetch(`${server.url}/api/meta`)).json()) as Meta & { licences?: MetaLicences };
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const textOf = (segments: Segment[]) => segments.map((s) => s.text).join('');
const en = { lang: 'en' as const, params: {} };
const zh = { lang: 'zh' as const, params: {} };
const names = () => catalog.queries.map((q) => q.name);
const entry = (name: string) => catalog.queries.find((q) => q.name === name)!;

describe("an analytic's method page", () => {
  it('shows its definition with the formulas and thresholds, in the language of the page', () => {
    const view = methodView(entry('annual-target-progress'), names(), en, translator('en'));
    expect(view.title).toBe('Progress towards the annual target');
    // Status thresholds and the pace formula as queries/annual-target-progress.ts defines them.
    const definition = textOf(view.definition);
    expect(definition).toContain("'on_track' when pace ≥ 0.95");
    expect(definition).toContain("'acceleration_needed' when 0.60 ≤ pace < 0.95");
    expect(definition).toContain('pace = cumulative ÷ expected');
    expect(definition).toContain('linear = target × months elapsed / 12');
    const zhView = methodView(entry('annual-target-progress'), names(), zh, translator('zh'));
    expect(zhView.title).toBe('年度目标完成进度');
    expect(textOf(zhView.definition)).toContain('pace ≥ 0.95 为 on_track');
  });

  it('keeps every word of the definition, sets column names as code and links the analytics and documents it names', () => {
    const view = methodView(entry('training-by-region'), names(), zh, translator('zh'));
    expect(textOf(view.definition)).toBe(entry('training-by-region').description.zh);
    expect(view.definition).toContainEqual({ kind: 'code', text: 'per_10k' });
    expect(view.definition).toContainEqual({ kind: 'code', text: 'share_of_national' });
    // "… 与 poverty-areas 一致" links to that analytic's method; "见 docs/reference-data.md" to the reference-data page.
    expect(view.definition).toContainEqual({ kind: 'link', text: 'poverty-areas', href: '/docs/method/poverty-areas' });
    expect(view.definition).toContainEqual({ kind: 'link', text: 'docs/reference-data.md', href: '/docs/reference' });
    expect(view.further).toEqual([
      { href: '/docs/reference', title: '参考数据' },
      { href: '/docs/data-model', title: '数据模型' },
    ]);
    const path = methodView(entry('annual-target-path'), names(), en, translator('en'));
    expect(path.definition).toContainEqual({
      kind: 'link',
      text: 'annual-target-progress',
      href: '/docs/method/annual-target-progress?lang=en',
    });
  });

  it('lists its parameters with defaults and allowed values, its columns with units, and an example that runs', () => {
    const view = methodView(entry('zone-pressure'), names(), en, translator('en'));
    expect(view.params[0]).toEqual({ name: 'theta', label: 'Ratio threshold θ', default: '1.5', allowed: '0.1–10' });
    expect(view.params[1]).toEqual({ name: 'quarter', label: 'Quarter', default: 'latest quarter in the data', allowed: '' });
    expect(view.columns.find((c) => c.name === 'share_over_theta')).toMatchObject({ unit: 'share (0–1)' });
    expect(view.example).toBe('/api/queries/zone-pressure?theta=1.5&quarter=2024Q2');
    expect(view.tryJson).toBe('/api/queries/zone-pressure?theta=1.5&quarter=2024Q2&format=json');
    expect(view.apiHref).toBe('/docs/api?lang=en#zone-pressure');
  });

  it('carries the chosen province in its links', () => {
    const view = methodView(
      entry('training-by-region'),
      names(),
      { lang: 'en', params: { province: '620000', year: '2025' } },
      translator('en'),
    );
    expect(view.apiHref).toBe('/docs/api?lang=en&province=620000#training-by-region');
  });
});

describe('the sources and licences page', () => {
  it('names the licence of the code, the sample, each reference source and each fact source of the snapshot', () => {
    const view = sourcesView(meta, en)!;
    expect(view.code).toEqual({ text: 'MIT License (MIT)', href: 'https://opensource.org/license/mit' });
    expect(view.sample.licence).toEqual({
      text: 'Creative Commons Zero v1.0 Universal (CC0-1.0)',
      href: 'https://creativecommons.org/publicdomain/zero/1.0/',
    });
    // The sample's path is docs/sample-data.md: its page in the app.
    expect(view.sample.source.href).toBe('/docs/sample?lang=en');
    expect(view.reference.map((r) => r.source.href)).toEqual([
      'https://github.com/leiii/census',
      'https://github.com/modood/Administrative-divisions-of-China',
      '/docs/sources?lang=en',
    ]);
    // The fixture's one fact source is a publisher's, not the synthetic sample.
    expect(view.facts).toEqual([
      {
        source: { text: 'Guangdong bulletin 2024', href: null },
        licence: {
          text: 'Figures as published by the named source; cite the source given on each row (source-terms)',
          href: 'https://www.mohrss.gov.cn/',
        },
      },
    ]);
    expect(view.synthetic).toBe(false);
  });
});

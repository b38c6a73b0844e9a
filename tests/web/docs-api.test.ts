import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/openapi.js';
import { loadExports, loadRegistry } from '../../queries/registry.js';
import { translator } from '../../web/src/i18n/index.js';
import { apiReference, type OpenApiDocument } from '../../web/src/view-models/docs-api.js';

/** The keys of one object literal of queries/contract.ts, read from its text (not through the registry the document is built from). */
function contractKeys(objectName: string): string[] {
  const text = readFileSync(new URL('../../queries/contract.ts', import.meta.url), 'utf8');
  const body = text.slice(text.indexOf(`export const ${objectName} = {`)).split('\n};')[0];
  return [...body.matchAll(/^\s+'?([a-z0-9_-]+)'?:/gm)].map((m) => m[1]).sort();
}

// The document as the browser gets it: built by the server's code, through JSON.
const document = JSON.parse(
  JSON.stringify(openApiDocument(await loadRegistry(), await loadExports(), ['data-model', 'sample', 'sources', 'reference'])),
) as OpenApiDocument;

describe('the API reference page, from the OpenAPI document', () => {
  const en = apiReference(document, 'en', translator('en'));
  const zh = apiReference(document, 'zh', translator('zh'));

  it('lists every analytic of queries/contract.ts and every dataset export, each once, by name', () => {
    const analytics = contractKeys('analytics');
    expect(analytics.length).toBeGreaterThanOrEqual(19); // 19 when this was written; more may come, none may go missing
    expect(en.analytics.map((a) => a.name)).toEqual(analytics);
    expect(en.datasets.map((d) => d.name)).toEqual(contractKeys('datasetExports'));
    expect(en.analytics.every((a) => a.anchor === a.name && a.kind === 'query')).toBe(true);
    expect(en.datasets.map((d) => d.anchor)).toContain('dataset-training');
  });

  it("gives each analytic an example request with its first two parameters' example values, and try-it links as JSON and CSV", () => {
    for (const entry of en.analytics) {
      expect(entry.example.startsWith(`/api/queries/${entry.name}?`), entry.name).toBe(true);
      expect(entry.tryJson).toBe(`${entry.example.replaceAll('%2C', ',')}&format=json`);
      expect(entry.tryCsv).toBe(`${entry.example.replaceAll('%2C', ',')}&format=csv`);
    }
    // queries/training-trend.ts: grain (a choice, its example the default 'month'), then program (example knowledge_renewal).
    const trend = en.analytics.find((a) => a.name === 'training-trend')!;
    expect(trend.example).toBe('/api/queries/training-trend?grain=month&program=knowledge_renewal');
    expect(trend.tryJson).toBe('/api/queries/training-trend?grain=month&program=knowledge_renewal&format=json');
    // queries/zone-pressure.ts: theta (a number, example its default 1.5), then quarter (example 2024Q2).
    expect(en.analytics.find((a) => a.name === 'zone-pressure')!.tryCsv).toBe(
      '/api/queries/zone-pressure?theta=1.5&quarter=2024Q2&format=csv',
    );
  });

  it("shows an analytic's title, parameters and columns (type, unit, both labels) in the page's language", () => {
    const trend = en.analytics.find((a) => a.name === 'training-trend')!;
    expect(trend.title).toBe('Training trend');
    expect(zh.analytics.find((a) => a.name === 'training-trend')!.title).toBe('培训趋势');
    expect(trend.params.map((p) => p.name)).toEqual(['grain', 'program', 'field', 'region', 'zone', 'from', 'to']);
    expect(trend.params[0]).toEqual({
      name: 'grain',
      label: 'Time grain',
      type: 'string',
      default: 'month',
      allowed: 'month, year',
      example: 'month',
    });
    expect(trend.params[1]).toMatchObject({ default: 'vocational_training', allowed: 'codes in program', example: 'knowledge_renewal' });
    expect(trend.params[5]).toMatchObject({
      name: 'from',
      label: 'First year',
      type: 'integer',
      default: 'all years',
      allowed: '2000–2100',
    });
    expect(zh.analytics.find((a) => a.name === 'training-trend')!.params[5].label).toBe('起始年份');
    expect(trend.columns.map((c) => c.name)).toEqual([
      'period',
      'person_times',
      'participants',
      'certificates',
      'national_person_times',
      'share_of_national',
    ]);
    expect(trend.columns[1]).toEqual({
      name: 'person_times',
      type: 'integer',
      unit: { zh: '人次', en: 'person-times' },
      label: { zh: '培训人次', en: 'Person-times' },
    });
    expect(trend.columns[5]).toMatchObject({ type: 'number', unit: { zh: '比例', en: 'share (0–1)' } });
    expect(trend.columns[0].unit).toBeNull();
    // The format parameter is every result's: said once above the entries, not in each table.
    expect(en.analytics.every((a) => a.params.every((p) => p.name !== 'format'))).toBe(true);
  });

  it('reads a date column as a date, whatever JSON type carries it', () => {
    const dated: OpenApiDocument = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/api/queries/dated': {
          get: {
            'x-example': '/api/queries/dated?',
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: {
                      properties: {
                        rows: {
                          items: { properties: { day: { type: ['string', 'null'], format: 'date', 'x-label': { zh: '日', en: 'Day' } } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const [entry] = apiReference(dated, 'en', translator('en')).analytics;
    expect(entry.columns).toEqual([{ name: 'day', type: 'date', unit: null, label: { zh: '日', en: 'Day' } }]);
    expect([entry.params, entry.tryJson]).toEqual([[], '/api/queries/dated?format=json']);
  });

  it('marks a list parameter and a range', () => {
    const training = en.datasets.find((d) => d.name === 'training')!;
    expect(training.params.find((p) => p.name === 'regions')).toMatchObject({
      type: 'string[]',
      allowed: 'codes in region; several, comma-separated',
    });
    const zones = en.analytics.find((a) => a.name === 'zone-pressure')!;
    expect(zones.params.find((p) => p.name === 'theta')).toMatchObject({ default: '1.5', allowed: '0.1–10' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';
import { defineQuery } from '../../queries/lib/define.js';
import type { QueryDefinition } from '../../queries/lib/define.js';

// Same hand-worked fixture as tests/queries/training-by-region.test.ts: vocational training 2024 is
// Guangdong 300 (Guangzhou 200 + Shenzhen 100), Beijing 120, Tibet 30; national 450.
const training = `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source
2023-06,110100,vocational_training,general,100,90,10,0,fixture
2023-05,440300,vocational_training,general,150,140,0,0,fixture
2024-01,110100,vocational_training,general,60,50,5,0,fixture
2024-02,110100,vocational_training,ai,60,50,5,0,"=HYPERLINK(""http://x"")"
2024-03,440100,vocational_training,general,200,180,20,0,fixture
2024-03,440300,vocational_training,general,100,90,0,0,fixture
2024-05,540100,vocational_training,general,30,30,0,0,fixture
`;

let db: FixtureDb;
let server: RunningServer;
const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
// Ranked by volume: Guangdong (300) before Beijing (120), whose rate per 10,000 is the higher one.
const byRegion = '/api/queries/training-by-region?program=vocational_training&year=2024&rank_by=volume';

beforeAll(async () => {
  db = await buildFixtureDb({ 'training.csv': training });
  server = await startServer(db.dataDir);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('catalog and meta', () => {
  it('lists every query with its parameters and the allowed codes of this snapshot', async () => {
    const res = await get('/api/queries');
    expect(res.status).toBe(200);
    const body = await res.json();
    const query = body.queries.find((q: { name: string }) => q.name === 'training-by-region');
    const program = query.params.find((p: { name: string }) => p.name === 'program');
    expect(program.allowed).toEqual(['knowledge_renewal', 'vocational_training']); // training programmes of the fixture
    expect(query.title.zh).toBeTruthy();
    expect(query.title.en).toBeTruthy();
  });

  it('reports the snapshot, freshness, lineage and row counts', async () => {
    const body = await (await get('/api/meta')).json();
    expect(body.snapshot).toBe(db.snapshotId);
    expect(body.row_counts.training).toBe(7);
    expect(body.freshness.training_through).toBe('2024-05');
    expect(body.lineage.map((l: { file: string }) => l.file)).toContain('training.csv');
    expect((await get('/api/health')).status).toBe(200);
  });

  it('publishes an OpenAPI document generated from the registry', async () => {
    const body = await (await get('/api/openapi.json')).json();
    expect(body.openapi).toBe('3.1.0');
    expect(body.paths['/api/queries/training-by-region'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'program',
      'year',
      'level',
      'province',
      'rank_by',
      'field',
      'format',
    ]);
    expect(body.paths['/api/datasets/training']).toBeDefined();
  });

  it('gives each analytic of the OpenAPI document an example request that runs, and its columns with labels and units', async () => {
    const body = await (await get('/api/openapi.json')).json();
    const operation = body.paths['/api/queries/training-by-region'].get;
    // The first two parameters of queries/training-by-region.ts with their example values: program, year.
    expect(operation['x-example']).toBe('/api/queries/training-by-region?program=knowledge_renewal&year=2024');
    expect(operation['x-title']).toEqual({ zh: '各地区培训情况', en: 'Training by region' });
    expect(operation.parameters[2]['x-label']).toEqual({ zh: '地区层级', en: 'Region level' });
    expect(operation.parameters[1]['x-default-note']).toBe('latest year in the data');
    expect(operation.parameters[3]['x-codes-from']).toEqual({ table: 'region', column: 'region_code' });
    const rows = operation.responses[200].content['application/json'].schema.properties.rows.items.properties;
    expect(Object.keys(rows).slice(0, 5)).toEqual(['year', 'period_start', 'period_end', 'months_covered', 'period_complete']);
    expect(rows.per_10k).toMatchObject({
      type: ['number', 'null'],
      'x-unit': { zh: '每万名劳动年龄人口', en: 'per 10,000 working-age people' },
    });
    expect(rows.period_complete.type).toEqual(['boolean', 'null']);
    const example = await get(operation['x-example']);
    expect(example.status).toBe(200);
    expect(example.headers.get('content-type')).toMatch(/application\/json/);
    expect(body.paths['/api/datasets/target'].get['x-example']).toBe('/api/datasets/target?programs=knowledge_renewal');
  });

  it('names the licences of the data in meta: MIT code, the CC0 sample, the reference sources, each fact source', async () => {
    const body = await (await get('/api/meta')).json();
    expect(body.licences.code.name).toBe('MIT');
    expect(body.licences.sample.licence.name).toBe('CC0-1.0');
    expect(body.licences.reference.map((s: { licence: { name: string } }) => s.licence.name)).toEqual(['MIT', 'MIT', 'source-terms']);
    // The fixture's training rows come from 'fixture' (and one formula-like source): not synthetic, so the source's own terms.
    expect(body.licences.facts).toContainEqual({ source: 'fixture', licence: expect.objectContaining({ name: 'source-terms' }) });
    expect(body.licences.facts.every((f: { licence: { name: string } }) => f.licence.name === 'source-terms')).toBe(true);
  });

  it('serves the product documents by name as Markdown, and nothing else', async () => {
    const res = await get('/api/docs/data-model');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect((await res.text()).startsWith('# Data model')).toBe(true);
    expect((await (await get('/api/docs/sources')).text()).startsWith('# Sources of the region reference data')).toBe(true);
    for (const name of ['constructor', '..%2F..%2Fpackage.json', 'README.md']) {
      const missing = await get(`/api/docs/${name}`);
      expect(missing.status, name).toBe(404);
      expect((await missing.json()).title).toBe('Unknown document');
    }
  });
});

describe('formats', () => {
  it('JSON carries columns, parameters used, snapshot and rows', async () => {
    const res = await get(byRegion);
    expect(res.headers.get('x-data-version')).toBe(db.snapshotId);
    const body = await res.json();
    expect(body.snapshot).toBe(db.snapshotId);
    expect(body.params).toMatchObject({ program: 'vocational_training', year: 2024, level: 'province' });
    expect(body.columns.find((c: { name: string }) => c.name === 'per_10k').unit.en).toMatch(/10,000/);
    expect(body.rows.map((r: { region_code: string; person_times: number }) => [r.region_code, r.person_times])).toEqual([
      ['440000', 300],
      ['110000', 120],
      ['540000', 30],
    ]);
  });

  it('Arrow IPC stream decodes with apache-arrow to the same values', async () => {
    const res = await get(byRegion, { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(3);
    expect(table.getChild('region_code')!.toArray()).toEqual(['440000', '110000', '540000']);
    expect(table.getChild('person_times')!.toArray()).toEqual(BigInt64Array.from([300n, 120n, 30n]));
    expect(table.getChild('per_10k')!.get(0)).toBe(1500); // 300 × 10000 / 2000
    expect(table.schema.metadata.get('snapshot')).toBe(db.snapshotId);
  });

  it('CSV has a BOM, parses, and is named for what and when', async () => {
    const res = await get(`${byRegion}&format=csv`);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/attachment; filename="training-by-region_vocational_training_2024_province_.*\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.name_zh, r.person_times])).toEqual([
      ['广东省', '300'],
      ['北京市', '120'],
      ['西藏自治区', '30'],
    ]);
  });

  it('Parquet reads back through DuckDB', async () => {
    const res = await get(`${byRegion}&format=parquet`);
    const dir = await mkdtemp(join(tmpdir(), 'parquet-'));
    const file = join(dir, 'r.parquet');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = (
      await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(person_times)::INTEGER AS total FROM read_parquet('${file}')`)
    ).getRowObjectsJson();
    expect(rows[0]).toEqual({ n: 3, total: 450 });
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true });
  });

  it('neutralises spreadsheet formulas in exported CSV cells', async () => {
    const text = await (await get('/api/datasets/training?format=csv&regions=110000&from_year=2024')).text();
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.source).sort()).toEqual(['\'=HYPERLINK("http://x")', 'fixture']);
  });

  it('filters dataset exports by region (including the units below it) and years', async () => {
    const body = await (await get('/api/datasets/training?regions=440000&from_year=2024&to_year=2024')).json();
    expect(body.rows.map((r: { region_code: string }) => r.region_code).sort()).toEqual(['440100', '440300']);
    expect(body.rows[0].region_name_zh).toBeTruthy();
  });
});

describe('errors', () => {
  it('400 names each bad parameter and what is allowed', async () => {
    const res = await get('/api/queries/training-by-region?year=abc&level=county&colour=red');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = await res.json();
    const names = body.invalid_params.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(['colour', 'level', 'year']);
    expect(body.invalid_params.find((p: { name: string }) => p.name === 'level').allowed).toBe('province, prefecture');
  });

  it('400 for codes that are not in the reference tables', async () => {
    const body = await (await get('/api/queries/training-by-region?program=no_such_programme')).json();
    expect(body.invalid_params).toEqual([
      expect.objectContaining({ name: 'program', reason: expect.stringContaining('no_such_programme') }),
    ]);
  });

  it('404 for an unknown query or dataset', async () => {
    expect((await get('/api/queries/nope')).status).toBe(404);
    expect((await get('/api/datasets/nope')).status).toBe(404);
  });

  it('refuses injection attempts in every parameter without running them', async () => {
    const attacks = [
      "vocational_training' OR '1'='1",
      '440000; DROP TABLE training; --',
      '2024) UNION SELECT * FROM ingest_log --',
      'province\u0027--',
    ];
    for (const attack of attacks) {
      for (const name of ['program', 'year', 'level', 'province', 'rank_by', 'field']) {
        const res = await get(`/api/queries/training-by-region?${name}=${encodeURIComponent(attack)}`);
        expect(res.status, `${name}=${attack}`).toBe(400);
        const text = await res.text();
        expect(text).not.toMatch(/SELECT|DROP|Binder|stack/i);
      }
      const res = await get(`/api/datasets/training?regions=${encodeURIComponent(attack)}`);
      expect(res.status).toBe(400);
    }
    const body = await (await get('/api/meta')).json();
    expect(body.row_counts.training).toBe(7);
  });

  it('interrupts a query over its time limit with 503, and the server stays usable', async () => {
    const sqlDir = await mkdtemp(join(tmpdir(), 'talent-slow-'));
    await writeFile(join(sqlDir, 'slow.sql'), 'SELECT count(*) AS n FROM range(100000000000) a WHERE a.range % 7 = 3');
    const slow = defineQuery({
      name: 'slow',
      title: { zh: '慢', en: 'Slow' },
      description: { zh: '', en: '' },
      module: pathToFileURL(join(sqlDir, 'slow.ts')).href,
      params: {},
      columns: [],
    }) as unknown as QueryDefinition;
    const timed = await startServer(db.dataDir, { QUERY_TIMEOUT_MS: 200 });
    (timed.ctx.queries as Map<string, QueryDefinition>).set('slow', slow);
    try {
      const started = Date.now();
      const res = await fetch(`${timed.url}/api/queries/slow`);
      expect(res.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5000);
      const body = await res.json();
      expect(body.title).toBe('Query timed out');
      expect(JSON.stringify(body)).not.toMatch(/range\(|INTERRUPT/i);
      expect((await fetch(`${timed.url}${byRegion}`)).status).toBe(200);
    } finally {
      await timed.close();
    }
  });
});

describe('caching', () => {
  it('answers 304 to a matching ETag', async () => {
    const first = await get(`${byRegion}&field=general`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const second = await get(`${byRegion}&field=general`, { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
  });

  it('runs identical concurrent requests once', async () => {
    const path = '/api/queries/training-by-region?program=vocational_training&year=2023';
    // A request line is logged when its response has finished, which can come after its client has the answer:
    // wait until the earlier tests' lines are all in before counting.
    for (let seen = -1; seen !== server.logs.length;) {
      seen = server.logs.length;
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = server.logs.length;
    const responses = await Promise.all(Array.from({ length: 6 }, () => get(path)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    const ours = () => server.logs.slice(before).filter((l) => l.route === '/api/queries/training-by-region');
    // The same wait after: the last lines may come a moment after the answers.
    for (let tries = 0; ours().length < 6 && tries < 100; tries += 1) await new Promise((r) => setTimeout(r, 20));
    const lines = ours();
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => l.cache === 'miss')).toHaveLength(1);
  });
});

describe('parameter checks that span parameters', () => {
  it('400 when as_of is not a month of the chosen year, and national may be named 000000', async () => {
    const res = await get('/api/queries/annual-target-progress?program=knowledge_renewal&year=2024&as_of=2023-06');
    expect(res.status).toBe(400);
    expect((await res.json()).invalid_params).toEqual([expect.objectContaining({ name: 'as_of' })]);
    expect((await get('/api/queries/annual-target-progress?program=knowledge_renewal&region=000000')).status).toBe(200);
  });
});

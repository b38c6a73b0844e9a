import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtureDb, plain, type FixtureDb } from '../helpers/fixture-db.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';
import { bulletin, guangdong, training } from './provenance-fixture.js';

/** The official Data Package v1 profile (tests/fixtures/frictionless/SOURCE.md says where it comes from). */
const profilePath = fileURLToPath(new URL('../fixtures/frictionless/data-package-1.0.json', import.meta.url));

let db: FixtureDb;
let server: RunningServer;
let dir: string;
let instance: DuckDBInstance;
let duck: DuckDBConnection;
let validate: ReturnType<Ajv['compile']>;
const get = (path: string) => fetch(`${server.url}${path}`);

beforeAll(async () => {
  db = await buildFixtureDb({ 'training.csv': training });
  server = await startServer(db.dataDir);
  dir = await mkdtemp(join(tmpdir(), 'datapackage-test-'));
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  // The profile uses the uri, email and date-time formats, checked here by the platform's own parsers, and
  // textarea, an editor hint for any text.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/);
  ajv.addFormat(
    'date-time',
    (text: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text)),
  );
  ajv.addFormat('textarea', () => true);
  validate = ajv.compile(JSON.parse(await readFile(profilePath, 'utf8')));
});
afterAll(async () => {
  duck.closeSync();
  instance.closeSync();
  await server.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** The entries of a zip, in order, with their bytes (read with yauzl). */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError) return reject(openError);
          const parts: Buffer[] = [];
          stream.on('data', (part: Buffer) => parts.push(part));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

let files = 0;
async function fileOf(bytes: Buffer, extension: string): Promise<string> {
  const file = join(dir, `${files++}.${extension}`);
  await writeFile(file, bytes);
  return file;
}

const read = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjectsJS().map(plain);

/**
 * Row count, totals and an order-sensitive checksum of every row's key and count, computed by DuckDB from the
 * file itself. A CSV is read as text and its month ('2024-03') taken as that month's first day, as Parquet stores it.
 */
async function summary(file: string) {
  const rows = file.endsWith('.csv')
    ? `(SELECT * REPLACE (strptime(month || '-01', '%Y-%m-%d')::DATE AS month) FROM read_csv('${file}', header = true, all_varchar = true))`
    : `read_parquet('${file}')`;
  const [row] =
    await read(`SELECT count(*)::INTEGER AS n, sum(person_times::INTEGER)::INTEGER AS person_times, sum(funding_cny::DOUBLE) AS funding,
      md5(string_agg(concat_ws('|', strftime(month, '%Y-%m'), region_code, program_code, field_code, person_times::VARCHAR), ';' ORDER BY k)) AS checksum
    FROM (SELECT *, row_number() OVER () AS k FROM ${rows})`);
  return row;
}

interface Descriptor {
  profile: string;
  name: string;
  title: string;
  created: string;
  data_version: string;
  licenses: { name: string; path: string }[];
  sources: { title: string; path?: string }[];
  resources: {
    name: string;
    path: string;
    format: string;
    bytes: number;
    hash: string;
    schema: { fields: { name: string; type: string; title: string; description: string; unit?: string }[]; primaryKey?: string[] };
  }[];
}

describe('GET /api/datasets/:table?format=datapackage', () => {
  it('a zip of the CSV, the Parquet file and a datapackage.json valid against the official Data Package v1 schema', async () => {
    const res = await get(`${guangdong}&format=datapackage`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('x-data-version')).toBe(db.snapshotId);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="training_2024_440000_.*\.zip"/);
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(['training.csv', 'training.parquet', 'datapackage.json']);
    const descriptor = JSON.parse(entries.get('datapackage.json')!.toString('utf8')) as Descriptor;
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);

    expect(descriptor).toMatchObject({ profile: 'data-package', name: 'training', title: 'Training records', data_version: db.snapshotId });
    expect(Number.isNaN(Date.parse(descriptor.created))).toBe(false);
    expect(descriptor.licenses.map((l) => l.name)).toEqual(expect.arrayContaining(['CC0-1.0', 'MIT']));
    expect(descriptor.sources[0]).toEqual({ title: 'talent-dashboard synthetic sample (not real figures)', path: 'docs/sample-data.md' });
    // Each file as listed: its size and SHA-256 are those of the bytes in the zip.
    for (const resource of descriptor.resources) {
      const bytes = entries.get(resource.path)!;
      expect(resource.bytes, resource.path).toBe(bytes.length);
      expect(resource.hash, resource.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
    const [csv, parquet] = descriptor.resources;
    expect([csv.name, csv.format, parquet.name, parquet.format]).toEqual(['training', 'csv', 'training-parquet', 'parquet']);
    const field = (resource: typeof csv, name: string) => resource.schema.fields.find((f) => f.name === name)!;
    expect(field(csv, 'month').type).toBe('yearmonth');
    expect(field(parquet, 'month').type).toBe('date');
    expect(field(csv, 'person_times')).toEqual({
      name: 'person_times',
      type: 'integer',
      format: 'default',
      title: 'Person-times',
      description: 'Person-times; unit: person-times',
      unit: 'person-times',
    });
    expect(field(csv, 'funding_cny')).toMatchObject({ type: 'number', unit: 'CNY' });
    expect(csv.schema.primaryKey).toEqual(['month', 'region_code', 'program_code', 'field_code']);
    // The package's CSV has machine names as headers (what the fields name), and no byte-order mark.
    const text = entries.get('training.csv')!.toString('utf8');
    expect(text.startsWith('month,region_code,')).toBe(true);
    expect((parse(text, { columns: true }) as Record<string, string>[]).map((r) => [r.month, r.region_code, r.person_times])).toEqual([
      ['2024-01', '440100', '200'],
      ['2024-02', '440100', '40'],
      ['2024-03', '440300', '100'],
    ]);
  });

  it('holds the same rows as the plain CSV and Parquet exports (count, totals and an order-sensitive checksum, by DuckDB)', async () => {
    const entries = await unzip(Buffer.from(await (await get(`${guangdong}&format=datapackage`)).arrayBuffer()));
    const zippedCsv = await fileOf(entries.get('training.csv')!, 'csv');
    const zippedParquet = await fileOf(entries.get('training.parquet')!, 'parquet');
    const plainCsv = await fileOf(Buffer.from(await (await get(`${guangdong}&format=csv`)).arrayBuffer()), 'csv');
    const plainParquet = await fileOf(Buffer.from(await (await get(`${guangdong}&format=parquet`)).arrayBuffer()), 'parquet');
    const expected = await summary(plainCsv);
    // Worked out by hand above.
    expect(expected).toMatchObject({ n: 3, person_times: 340, funding: 1500.5 });
    expect(await summary(zippedCsv)).toEqual(expected);
    expect(await summary(zippedParquet)).toEqual(expected);
    expect(await summary(plainParquet)).toEqual(expected);
  });

  it("every source's rows and licence: the bulletin's own terms beside the CC0 sample", async () => {
    const entries = await unzip(Buffer.from(await (await get('/api/datasets/training?format=datapackage&lang=zh')).arrayBuffer()));
    const descriptor = JSON.parse(entries.get('datapackage.json')!.toString('utf8')) as Descriptor;
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    expect(descriptor.title).toBe('培训明细');
    expect(descriptor.resources[0].schema.fields.find((f) => f.name === 'person_times')).toMatchObject({ title: '培训人次', unit: '人次' });
    expect(descriptor.sources.map((s) => s.title).slice(0, 2)).toEqual(['talent-dashboard synthetic sample (not real figures)', bulletin]);
    expect(descriptor.licenses.map((l) => l.name)).toEqual(expect.arrayContaining(['CC0-1.0', 'source-terms']));
    const file = await fileOf(entries.get('training.parquet')!, 'parquet');
    expect(await read(`SELECT count(*)::INTEGER AS n, sum(person_times)::INTEGER AS total FROM read_parquet('${file}')`)).toEqual([
      { n: 5, total: 407 },
    ]);
  });

  it('an analytic can be packaged too, and a broken descriptor fails the same schema', async () => {
    const entries = await unzip(
      Buffer.from(
        await (await get('/api/queries/training-by-region?program=vocational_training&year=2024&format=datapackage')).arrayBuffer(),
      ),
    );
    const descriptor = JSON.parse(entries.get('datapackage.json')!.toString('utf8')) as Descriptor;
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    expect(descriptor.name).toBe('training-by-region');
    // The validator is not a rubber stamp: an upper-case resource name and a field of an unknown type are refused.
    const broken = structuredClone(descriptor);
    broken.resources[0].name = 'Training By Region';
    broken.resources[0].schema.fields[0].type = 'text';
    expect(validate(broken)).toBe(false);
  });

  it('a bad filter is a problem naming the parameter, before any zip is sent', async () => {
    const res = await get('/api/datasets/training?format=datapackage&regions=999999');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).invalid_params[0]).toMatchObject({ name: 'regions', reason: 'unknown code(s): 999999' });
  });
});

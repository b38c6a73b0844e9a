import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { geoArea } from 'd3';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { referenceDir, repoRoot } from '../../core/repo-paths.js';

const geoDir = join(repoRoot, 'web', 'public', 'geo');
const regions = parse<Record<string, string>>(readFileSync(join(referenceDir, 'region.csv'), 'utf8'), { columns: true });
type Shapes = Topology<{ prefectures: GeometryCollection<{ code: string }> }>;
const shapesOf = (province: string): Shapes => JSON.parse(readFileSync(join(geoDir, `${province}.json`), 'utf8')) as Shapes;
const mainland = regions.filter((r) => r.level === 'province' && r.in_mainland === 'true');

describe('prefecture shapes (web/public/geo, built by tools/reference/prefecture-shapes.ts)', () => {
  it('has one file per provincial unit and no other', () => {
    const files = readdirSync(geoDir).sort();
    expect(files).toEqual(expect.arrayContaining(mainland.map((p) => `${p.region_code}.json`)));
    expect(files.every((f) => /^\d{6}\.json$/.test(f))).toBe(true);
  });

  it('covers every mainland prefecture but the two XPCC cities the census predates, each inside its own province', () => {
    const missing: string[] = [];
    for (const province of mainland) {
      const codes = shapesOf(province.region_code).objects.prefectures.geometries.map((g) => (g.properties as { code: string }).code);
      const expected = regions
        .filter((r) => r.level === 'prefecture' && r.province_code === province.region_code)
        .map((r) => r.region_code);
      expect(
        codes.filter((c) => !expected.includes(c)),
        province.region_code,
      ).toEqual([]);
      missing.push(...expected.filter((c) => !codes.includes(c)));
    }
    expect(missing.sort()).toEqual(['659011', '659012']); // 新星市 (2021), 白杨市 (2023): after the 2020 census
  });

  it('winds every shape as d3-geo expects: each prefecture covers a small part of the sphere, not the rest of it', () => {
    for (const province of mainland) {
      const shapes = shapesOf(province.region_code);
      const prefectures = feature(shapes, shapes.objects.prefectures) as FeatureCollection<Polygon | MultiPolygon>;
      for (const prefecture of prefectures.features) expect(geoArea(prefecture), province.region_code).toBeLessThan(0.05);
    }
  });

  it('stays light: a province loads in under 100 kB before compression', () => {
    for (const province of mainland) expect(readFileSync(join(geoDir, `${province.region_code}.json`)).length).toBeLessThan(100_000);
  });
});

/**
 * One-off, like copy-sources.ts: simplifies the census file's prefecture boundaries (WKT, ~4 MB) into one small
 * TopoJSON file per province under web/public/geo/, which the province map loads when a province is chosen.
 *
 *   npx tsx tools/reference/prefecture-shapes.ts [path/to/shared/data]
 *
 * Rings are wound as d3-geo expects (clockwise on the sphere), shapes simplified with Visvalingam's method
 * keeping the most significant share of points (`keep`), and coordinates quantised; neighbouring prefectures
 * share their borders in the topology, so simplification leaves no gaps or overlaps between them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { wktToGeoJSON } from '@terraformer/wkt';
import { geoArea } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { readCsv } from './csv-io.js';
import { repoRoot } from './paths.js';

const keep = 0.04;
const outDir = join(repoRoot, 'web', 'public', 'geo');

/** d3-geo reads a ring wound the GeoJSON way (counter-clockwise) as the whole sphere minus the shape. */
function wound(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fix = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

export function prefectureShapes(sharedData: string): Map<string, Feature<Polygon | MultiPolygon, { code: string }>[]> {
  const byProvince = new Map<string, Feature<Polygon | MultiPolygon, { code: string }>[]>();
  for (const row of readCsv(join(sharedData, 'census/census_city_2010-2020_v1.csv'))) {
    if (!row.coord) continue;
    const geometry = wktToGeoJSON(row.coord) as Polygon | MultiPolygon;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') throw new Error(`${row.city_code}: not a polygon`);
    const features = byProvince.get(row.province_code) ?? [];
    features.push({ type: 'Feature', properties: { code: row.city_code }, geometry: wound(geometry) });
    byProvince.set(row.province_code, features);
  }
  return byProvince;
}

/**
 * Simplifies on the shared-border topology, then builds it again without the simplifier's weights and with
 * coordinates quantised to a 10,000 × 10,000 grid of the province's extent: small enough to load at once.
 */
function simplifiedTopology(collection: FeatureCollection<Polygon | MultiPolygon, { code: string }>): Topology {
  const weighted = presimplify(topology({ prefectures: collection }) as Topology<{ prefectures: GeometryCollection }>);
  const simplified = simplify(weighted, quantile(weighted, 1 - keep)) as Topology<{ prefectures: GeometryCollection<{ code: string }> }>;
  const plain = feature(simplified, simplified.objects.prefectures) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  const features = plain.features.map((f) => ({ ...f, geometry: dropWeights(f.geometry) }));
  const rebuilt: FeatureCollection<Polygon | MultiPolygon, { code: string }> = { type: 'FeatureCollection', features };
  return topology({ prefectures: rebuilt }, 1e4);
}

function dropWeights(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (points: Position[]): Position[] => points.map(([x, y]) => [x, y]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

if (process.argv[1]?.endsWith('prefecture-shapes.ts')) {
  const shared = resolve(process.argv[2] ?? join(repoRoot, '../shared/data'));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let total = 0;
  for (const [province, features] of prefectureShapes(shared)) {
    const collection: FeatureCollection<Polygon | MultiPolygon, { code: string }> = { type: 'FeatureCollection', features };
    const text = JSON.stringify(simplifiedTopology(collection));
    writeFileSync(join(outDir, `${province}.json`), text);
    total += text.length;
    console.log(`${province}: ${features.length} prefectures, ${(text.length / 1024).toFixed(1)} kB`);
  }
  console.log(`total ${(total / 1024).toFixed(0)} kB in ${outDir}`);
}

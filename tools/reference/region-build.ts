import { join } from 'node:path';
import { region, regionZone, zone } from '../../core/datasets/reference.js';
import { readCsv, writeCsv } from './csv-io.js';
import { buildRegionRows, type EnglishNamer } from './region-rows.js';
import { namesFile, readRegionSources } from './region-sources.js';
import { zoneMembers, zones } from './zones.js';

const columnsOf = (spec: { columns: readonly { name: string }[] }): string[] => spec.columns.map((c) => c.name);

/** Looks English names up in names-en.csv; a missing code or a changed Chinese name means the list is stale. */
export function namesFromFile(path: string): EnglishNamer {
  const names = new Map(readCsv(path).map((r) => [r.region_code, r]));
  return ({ code, nameZh }) => {
    const entry = names.get(code);
    if (!entry || entry.name_zh !== nameZh) {
      throw new Error(`${path}: no English name for ${code} ${nameZh}; regenerate it with tools/reference/gen-names-en.ts`);
    }
    return entry.name_en;
  };
}

/** Builds region.csv, zone.csv and region_zone.csv in `outDir` from the copies in `sourcesDir`. */
export function buildRegionFiles(sourcesDir: string, outDir: string): { counts: Record<string, number>; log: string[] } {
  const { rows, log } = buildRegionRows(readRegionSources(sourcesDir), namesFromFile(join(sourcesDir, namesFile)));
  const members = zoneMembers(rows);
  writeCsv(join(outDir, 'region.csv'), columnsOf(region), rows);
  writeCsv(join(outDir, 'zone.csv'), columnsOf(zone), zones);
  writeCsv(join(outDir, 'region_zone.csv'), columnsOf(regionZone), members);
  return { counts: { region: rows.length, zone: zones.length, region_zone: members.length }, log };
}

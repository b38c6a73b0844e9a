/**
 * Cross-check of the county populations in region.csv against the prefecture census table: for each
 * prefecture with counties below it, the sum of its counties' population_2020 against its own
 * population_2020; for each province, the sum of those prefecture differences. Prints the tables
 * docs/reference-data.md shows:
 *
 *   npx tsx tools/reference/county-crosscheck.ts
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCsv, type TextRow } from './csv-io.js';
import { referenceDir } from './paths.js';

export interface PrefectureCheck {
  code: string;
  nameZh: string;
  provinceCode: string;
  /** population_2020 of the prefecture (census city table); null where it has none. */
  prefecture: number | null;
  /** Sum of its counties' population_2020 (county census), counties without a row counted as 0. */
  counties: number;
  /** counties − prefecture (the prefecture taken as 0 when it has no figure). */
  difference: number;
  /** Its counties without a county census row. */
  withoutRow: string[];
}

const figure = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number(text));

/** Every prefecture with at least one county in region.csv, in code order, with its county sum. */
export function prefectureChecks(rows: readonly TextRow[]): PrefectureCheck[] {
  const counties = new Map<string, TextRow[]>();
  for (const r of rows) if (r.level === 'county') counties.set(r.parent_code, [...(counties.get(r.parent_code) ?? []), r]);
  return rows
    .filter((r) => r.level === 'prefecture' && counties.has(r.region_code))
    .map((p) => {
      const own = counties.get(p.region_code) ?? [];
      const sum = own.reduce((total, c) => total + (figure(c.population_2020) ?? 0), 0);
      const prefecture = figure(p.population_2020);
      return {
        code: p.region_code,
        nameZh: p.name_zh,
        provinceCode: p.province_code,
        prefecture,
        counties: sum,
        difference: sum - (prefecture ?? 0),
        withoutRow: own.filter((c) => c.population_2020 === '').map((c) => `${c.region_code} ${c.name_zh}`),
      };
    });
}

/** Province totals of the prefecture checks: only provinces where some prefecture differs. */
export function provinceChecks(checks: readonly PrefectureCheck[]): { provinceCode: string; differing: number; difference: number }[] {
  const totals = new Map<string, { provinceCode: string; differing: number; difference: number }>();
  for (const c of checks) {
    if (c.difference === 0) continue;
    const t = totals.get(c.provinceCode) ?? { provinceCode: c.provinceCode, differing: 0, difference: 0 };
    t.differing += 1;
    t.difference += c.difference;
    totals.set(c.provinceCode, t);
  }
  return [...totals.values()].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = readCsv(join(referenceDir, 'region.csv'));
  const name = new Map(rows.map((r) => [r.region_code, r.name_zh]));
  const n = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en-US'));
  const signed = (v: number): string => (v > 0 ? `+${n(v)}` : n(v));
  const checks = prefectureChecks(rows);
  const differing = checks.filter((c) => c.difference !== 0);
  console.log(`${checks.length} prefectures with counties; ${differing.length} differ\n`);
  console.log('| prefecture | census city table | sum of counties | counties − prefecture | counties without a row |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const c of differing) {
    console.log(`| ${c.code} ${c.nameZh} | ${n(c.prefecture)} | ${n(c.counties)} | ${signed(c.difference)} | ${c.withoutRow.join(', ')} |`);
  }
  console.log('\n| province | prefectures that differ | counties − prefectures |');
  console.log('| --- | ---: | ---: |');
  for (const p of provinceChecks(checks))
    console.log(`| ${p.provinceCode} ${name.get(p.provinceCode)} | ${p.differing} | ${signed(p.difference)} |`);
}

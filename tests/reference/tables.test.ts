import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as specs from '../../core/datasets/reference.js';

const dir = fileURLToPath(new URL('../../data/reference/', import.meta.url));
type Row = Record<string, string>;
const text = (file: string): string => readFileSync(dir + file, 'utf8');
const readCsv = (file: string): Row[] => parse<Row>(text(file), { columns: true });

const datasets = [
  specs.region,
  specs.zone,
  specs.regionZone,
  specs.action,
  specs.program,
  specs.field,
  specs.occupation,
  specs.zoneOccupation,
  specs.competitionEvent,
  specs.target,
];

describe('reference files', () => {
  it.each(datasets.map((d) => [d.name, d] as const))('%s.csv has no BOM and exactly the declared columns, in order', (name, spec) => {
    const content = text(`${name}.csv`);
    expect(content.charCodeAt(0)).not.toBe(0xfeff);
    expect(content.slice(0, content.indexOf('\n'))).toBe(spec.columns.map((c) => c.name).join(','));
  });
});

describe('actions and programmes', () => {
  const actions = readCsv('action.csv');
  const programs = new Map(readCsv('program.csv').map((p) => [p.program_code, p]));

  it('lists the eight actions in order', () => {
    expect(actions.map((a) => [a.action_code, a.seq])).toEqual(
      ['skills_china', 'high_end', 'vitality', 'grassroots', 'allocation', 'poverty', 'service', 'recognition'].map((code, i) => [
        code,
        String(i + 1),
      ]),
    );
  });

  it('attaches every programme to an existing action', () => {
    const codes = new Set(actions.map((a) => a.action_code));
    for (const p of programs.values()) expect(codes.has(p.action_code), p.program_code).toBe(true);
    expect(programs.size).toBeGreaterThanOrEqual(24);
  });

  it.each([
    ['knowledge_renewal', 'high_end', 'training', 'person_times', 'sum'],
    ['vocational_training', 'skills_china', 'training', 'person_times', 'sum'],
    ['migrant_training', 'skills_china', 'training', 'person_times', 'sum'],
    ['apprenticeship', 'skills_china', 'training', 'participants', 'sum'],
    ['skill_certificate', 'vitality', 'training', 'certificates', 'sum'],
    ['high_skill_certificate', 'vitality', 'training', 'certificates', 'sum'],
    ['poverty_training', 'poverty', 'training', 'person_times', 'sum'],
    ['postdoc_recruits', 'high_end', 'talent_stock', 'value', 'sum'],
    ['postdoc_stations', 'high_end', 'talent_stock', 'value', 'last'],
    ['special_allowance_experts', 'high_end', 'talent_stock', 'value', 'sum'],
    ['three_supports', 'grassroots', 'talent_stock', 'value', 'sum'],
    ['expert_service_bases', 'grassroots', 'talent_stock', 'value', 'last'],
    ['public_training_bases', 'skills_china', 'talent_stock', 'value', 'sum'],
    ['high_skill_bases', 'skills_china', 'talent_stock', 'value', 'sum'],
    ['master_studios', 'skills_china', 'talent_stock', 'value', 'sum'],
    ['technical_college_enrolment', 'skills_china', 'talent_stock', 'value', 'last'],
    ['returnee_parks', 'high_end', 'talent_stock', 'value', 'last'],
    ['professional_titles', 'vitality', 'talent_stock', 'value', 'sum'],
    ['new_occupations', 'vitality', 'talent_stock', 'value', 'sum'],
    ['hr_service_agencies', 'allocation', 'talent_stock', 'value', 'last'],
    ['job_fairs', 'allocation', 'talent_stock', 'value', 'sum'],
    ['service_stations', 'service', 'talent_stock', 'value', 'last'],
    ['online_services', 'service', 'talent_stock', 'value', 'last'],
    ['skill_awards', 'recognition', 'talent_stock', 'value', 'sum'],
  ])('declares %s (%s, %s.%s, %s)', (code, action, factTable, metric, aggregation) => {
    expect(programs.get(code)).toMatchObject({ action_code: action, fact_table: factTable, metric, aggregation });
  });

  // Bases, studios and experts also exist as stocks: a programme that sums them over years counts the year's new
  // ones, and its name must say so, or a reader takes a five-year sum for the number in existence.
  it.each([
    'public_training_bases',
    'high_skill_bases',
    'master_studios',
    'special_allowance_experts',
    'skill_awards',
    'outstanding_professionals',
  ])('names %s as the year’s new units, since it is summed over years', (code) => {
    const p = programs.get(code)!;
    expect(p.aggregation).toBe('sum');
    expect(p.name_en).toMatch(/in the year|newly/);
    expect(p.name_zh).toMatch(/当年|新选拔/);
  });
});

describe('occupations and zone catalogues', () => {
  const occupations = readCsv('occupation.csv');
  const byCode = new Map(occupations.map((o) => [o.occupation_code, o]));
  const groups = occupations.filter((o) => o.level === 'group');

  it('has the eight major groups, and every occupation belongs to one', () => {
    expect(groups.map((g) => [g.occupation_code, g.group_code])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'].map((c) => [c, c]));
    const details = occupations.filter((o) => o.level === 'occupation');
    expect(details.length).toBeGreaterThanOrEqual(60);
    for (const o of details) {
      expect(o.occupation_code, o.name_zh).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
      expect(o.occupation_code.charAt(0), o.occupation_code).toBe(o.group_code);
      expect(byCode.get(o.group_code)?.level, o.occupation_code).toBe('group');
    }
  });

  it('lists 10 to 20 existing occupations in each zone catalogue', () => {
    const zones = new Set(readCsv('zone.csv').map((z) => z.zone_code));
    const catalogue = readCsv('zone_occupation.csv');
    for (const zone of zones) {
      const size = catalogue.filter((c) => c.zone_code === zone).length;
      expect(size, zone).toBeGreaterThanOrEqual(10);
      expect(size, zone).toBeLessThanOrEqual(20);
    }
    for (const c of catalogue) {
      expect(zones.has(c.zone_code), c.zone_code).toBe(true);
      expect(byCode.get(c.occupation_code)?.level, c.occupation_code).toBe('occupation');
    }
  });
});

describe('targets', () => {
  const targets = readCsv('target.csv').map((t) => [t.program_code, t.period_start, t.period_end, t.region_code, Number(t.value)]);

  it('sets the Knowledge Renewal Project at one million person-times a year, 2019 to 2026', () => {
    const years = Array.from({ length: 8 }, (_, i) => String(2019 + i));
    expect(targets.filter((t) => t[0] === 'knowledge_renewal')).toEqual(years.map((y) => ['knowledge_renewal', y, y, '000000', 1_000_000]));
  });

  it('carries the 2021-2025 national targets of the 14th Five-Year vocational skills training plan', () => {
    expect(targets.filter((t) => t[0] !== 'knowledge_renewal')).toEqual([
      ['vocational_training', '2021', '2025', '000000', 75_000_000],
      ['migrant_training', '2021', '2025', '000000', 30_000_000],
      ['skill_certificate', '2021', '2025', '000000', 40_000_000],
      ['high_skill_certificate', '2021', '2025', '000000', 8_000_000],
      ['public_training_bases', '2021', '2025', '000000', 200],
    ]);
  });

  it('refers only to declared programmes', () => {
    const programs = new Set(readCsv('program.csv').map((p) => p.program_code));
    for (const t of targets) expect(programs.has(String(t[0])), String(t[0])).toBe(true);
  });
});

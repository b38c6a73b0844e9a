import { query, queryRows, type Params } from '../api.js';
import { barChart, type Bar } from '../charts/bar-chart.js';
import type { ChartView } from '../ui/card-frame.js';
import { lineChart, type LinePoint } from '../charts/line-chart.js';
import { categorical, highlight } from '../ui/theme.js';
import type { ResultSet, Row } from '../decode.js';
import { formatChange, formatNumber, formatPercent, formatRatio, pn } from '../i18n/format.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { frameFor, param, type PageContext, type PageMount } from './context.js';
import {
  nameIn,
  num,
  numberFormats,
  programOptions,
  provinceLabel,
  regionOptions,
  resultTable,
  trainingYear,
  unitOf,
  yearOptions,
} from './shared.js';

/** Training: volume by programme and field over time, the seasonal profile, rates by region, the poverty areas. */
export const mountTraining: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const byProgram = frameFor(first, { id: 'training-by-program', title: t('byProgramTitle'), kind: 'training', span: 2 });
  const byField = frameFor(first, { id: 'training-by-field', title: t('byFieldTitle'), kind: 'training', span: 1 });
  const seasonal = frameFor(first, { id: 'training-seasonal', title: t('seasonalTitle'), kind: 'training', span: 1 });
  const byRegion = frameFor(first, { id: 'training-by-region', title: t('byRegionTitle'), kind: 'training', span: 2 });
  const poverty = frameFor(first, { id: 'training-poverty', title: t('povertyTitle'), unit: t('povertyUnit'), kind: 'mixed', span: 3 });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageTraining')), h('p', {}, t('trainingIntro'))),
    controls,
    h('div', { class: 'cards' }, byProgram.element, byField.element, seasonal.element, byRegion.element, poverty.element),
  );
  return {
    update(ctx) {
      const { lang, refs } = ctx;
      const program = param(ctx, 'program', 'vocational_training');
      const field = param(ctx, 'field');
      const region = param(ctx, 'region');
      const year = param(ctx, 'year');
      replace(
        controls,
        toolbar(
          selectControl('program', t('programLabel'), programOptions(ctx, 'training'), program, (v) =>
            ctx.set({ program: v === 'vocational_training' ? null : v }),
          ),
          selectControl(
            'field',
            t('fieldLabel'),
            [{ value: '', label: t('allFields') }, ...refs.fields.map((f) => ({ value: f.code, label: nameIn(f, lang) }))],
            field,
            (v) => ctx.set({ field: v }),
          ),
          selectControl('region', t('regionLabel'), regionOptions(ctx, t('nation')), region, (v) => ctx.set({ region: v })),
          selectControl('year', t('yearLabel'), yearOptions(2015, trainingYear(ctx), t('latestYear')), year, (v) => ctx.set({ year: v })),
        ),
      );
      const info = refs.programs.find((p) => p.code === program);
      const unit = unitOf(info, lang);
      const programName = info ? nameIn(info, lang) : program;
      const scope = region
        ? nameIn(refs.provinces.find((p) => p.code === region) ?? { name_zh: region, name_en: region }, lang)
        : t('nation');
      const fieldName = field
        ? nameIn(refs.fields.find((f) => f.code === field) ?? { name_zh: field, name_en: field }, lang)
        : t('allFields');
      const lastFull = lastFullYear(ctx);

      const common: Params = { region: region || null, field: field || null };
      byProgram.setHeading(t('byProgramTitle'), t('byProgramUnit', { scope, field: fieldName, year: lastFull }));
      byProgram.setApi(query('training-trend', { grain: 'year', program, ...common }));
      void byProgram.load(`${region}|${field}|${lang}`, () => byProgramView(ctx, common, lastFull));

      byField.setHeading(t('byFieldTitle'), `${programName} · ${scope} · ${unit}`);
      byField.setApi(query('training-trend', { grain: 'year', program, region: region || null }));
      void byField.load(`${program}|${region}|${lang}`, () => byFieldView(ctx, program, region, unit, lastFull));

      const monthly: Params = { grain: 'month', program, ...common, from: trainingYear(ctx) - 3 };
      seasonal.setHeading(t('seasonalTitle'), `${programName} · ${scope} · ${fieldName} · ${unit}`);
      seasonal.setApi(query('training-trend', monthly));
      void seasonal.load(`${program}|${region}|${field}|${lang}`, async () =>
        seasonalView(await queryRows('training-trend', monthly), ctx, unit),
      );

      const regional: Params = { program, year: year || null, field: field || null };
      byRegion.setHeading(t('byRegionTitle'), t('byRegionUnit', { program: programName, field: fieldName, unit }));
      byRegion.setApi(query('training-by-region', regional));
      void byRegion.load(`${program}|${year}|${field}|${region}|${lang}`, async () =>
        byRegionView(await queryRows('training-by-region', regional), ctx, region, unit),
      );

      poverty.setHeading(`${t('povertyTitle')}`, t('povertyUnit', { program: programName }));
      poverty.setApi(query('poverty-areas', { program }));
      void poverty.load(`${program}|${lang}`, async () => povertyView(await queryRows('poverty-areas', { program }), ctx));
    },
  };
};

/** The last year whose twelve months are all in the data. */
export function lastFullYear(ctx: PageContext): number {
  const through = ctx.meta.freshness.training_through ?? '';
  return Number(through.slice(5, 7)) === 12 ? Number(through.slice(0, 4)) : Number(through.slice(0, 4)) - 1;
}

async function byProgramView(ctx: PageContext, common: Params, lastFull: number): Promise<ChartView | null> {
  const { t, lang, refs } = ctx;
  const programs = refs.programs.filter((p) => p.factTable === 'training' && p.metric === 'person_times');
  const results = await Promise.all(programs.map((p) => queryRows('training-trend', { grain: 'year', program: p.code, ...common })));
  const points: LinePoint[] = [];
  const table: Row[] = [];
  programs.forEach((p, i) =>
    results[i].rows.forEach((r) => {
      if (Number(r.period) > lastFull) return;
      points.push({ x: Number(r.period), y: num(r.person_times), series: p.code });
      table.push({ program_code: p.code, year: Number(r.period), person_times: num(r.person_times) });
    }),
  );
  if (!points.length) return null;
  const series = programs.map((p, i) => ({ key: p.code, label: nameIn(p, lang), color: categorical[i % 10] }));
  const latest = programs
    .map((p) => ({ p, v: points.filter((d) => d.series === p.code).at(-1)?.y ?? null }))
    .sort((a, b) => (b.v ?? 0) - (a.v ?? 0));
  return {
    summary: t('byProgramSummary', {
      year: lastFull,
      items: latest.map((l) => `${nameIn(l.p, lang)} ${formatNumber(l.v, lang)}`).join(pn(lang).semi),
    }),
    table: { columns: ['program_code', 'year', 'person_times'].map((k) => ({ key: k, label: k })), rows: table },
    draw: (width) =>
      lineChart(points, { width, lang, x: 'year', series, yLabel: t('personTimes'), format: (v) => formatNumber(v, lang), dots: true }),
  };
}

async function byFieldView(ctx: PageContext, program: string, region: string, unit: string, lastFull: number): Promise<ChartView | null> {
  const { t, lang, refs } = ctx;
  const results = await Promise.all(
    refs.fields.map((f) => queryRows('training-trend', { grain: 'year', program, region: region || null, field: f.code })),
  );
  const points: LinePoint[] = [];
  const table: Row[] = [];
  refs.fields.forEach((f, i) =>
    results[i].rows.forEach((r) => {
      if (Number(r.period) > lastFull) return;
      points.push({ x: Number(r.period), y: num(r.person_times), series: f.code });
      table.push({
        field_code: f.code,
        year: Number(r.period),
        person_times: num(r.person_times),
        participants: num(r.participants),
        certificates: num(r.certificates),
      });
    }),
  );
  if (!points.length) return null;
  const present = refs.fields.filter((f) => points.some((p) => p.series === f.code && (p.y ?? 0) > 0));
  return {
    summary: t('byFieldSummary', { fields: present.map((f) => nameIn(f, lang)).join(pn(lang).list), year: lastFull }),
    table: { columns: Object.keys(table[0]).map((k) => ({ key: k, label: k })), rows: table },
    draw: (width) =>
      lineChart(points, {
        width,
        lang,
        x: 'year',
        series: present.map((f, i) => ({ key: f.code, label: nameIn(f, lang), color: categorical[i % 10] })),
        yLabel: unit,
        format: (v) => formatNumber(v, lang),
      }),
  };
}

function seasonalView(result: ResultSet, ctx: PageContext, unit: string): ChartView | null {
  const { t, lang } = ctx;
  const rows = result.rows.filter((r) => /^\d{4}-\d{2}/.test(String(r.period)));
  if (!rows.length) return null;
  const years = [...new Set(rows.map((r) => String(r.period).slice(0, 4)))].sort().slice(-4);
  const points: LinePoint[] = rows
    .filter((r) => years.includes(String(r.period).slice(0, 4)))
    .map((r) => ({ x: Number(String(r.period).slice(5, 7)), y: num(r.person_times), series: String(r.period).slice(0, 4) }));
  const series = years.map((y, i) => ({
    key: y,
    label: y,
    color: i === years.length - 1 ? highlight : (['#9fb3c8', '#627d98', '#334e68'][i] ?? categorical[i]),
    strokeWidth: i === years.length - 1 ? 3 : 2,
  }));
  const peak = [...points].filter((p) => p.series === years.at(-2)).sort((a, b) => (b.y ?? 0) - (a.y ?? 0))[0];
  return {
    summary: t('seasonalSummary', { years: years.join(pn(lang).list), month: peak ? String(peak.x) : '–' }),
    table: resultTable(result),
    draw: (width) =>
      lineChart(points, { width, lang, x: 'monthOfYear', series, yLabel: unit, format: (v) => formatNumber(v, lang), dots: true }),
  };
}

function byRegionView(result: ResultSet, ctx: PageContext, region: string, unit: string): ChartView | null {
  const { t, lang } = ctx;
  const rows = result.rows;
  if (!rows.length) return null;
  const totalPersonTimes = rows.reduce((s, r) => s + (num(r.person_times) ?? 0), 0);
  const totalAge = rows.reduce((s, r) => s + (num(r.working_age) ?? 0), 0);
  const national = totalAge ? (totalPersonTimes / totalAge) * 1e4 : null;
  const sorted = [...rows].sort((a, b) => (num(b.per_10k) ?? 0) - (num(a.per_10k) ?? 0));
  const bars: Bar[] = sorted.map((r) => ({
    key: String(r.region_code),
    label: provinceLabel(r, lang),
    value: num(r.per_10k),
    highlight: r.region_code === region,
    detail: [
      `${t('personTimes')}${pn(lang).colon}${formatNumber(num(r.person_times), lang)} ${unit}`,
      `${t('shareOfNational')}${pn(lang).colon}${formatPercent(num(r.share_of_national))}`,
      `${t('changeOnYear')}${pn(lang).colon}${formatChange(num(r.change_on_previous_year))}`,
      `${t('rankLabel')}${pn(lang).colon}${r.rank}`,
    ].join('\n'),
  }));
  const f = numberFormats(lang);
  return {
    summary: t('byRegionSummary', {
      year: String(rows[0].year),
      top: bars
        .slice(0, 3)
        .map((b) => `${b.label} ${f.decimal(b.value ?? 0)}`)
        .join(pn(lang).list),
      national: national === null ? '–' : f.decimal(national),
    }),
    table: resultTable(result),
    draw: (width) =>
      barChart(bars, {
        width,
        lang,
        xLabel: t('per10kAxis'),
        format: (v) => formatNumber(v, lang, 1),
        barHeight: 18,
        reference: national === null ? undefined : { value: national, label: `${t('nation')} ${f.decimal(national)}` },
      }),
  };
}

function povertyView(result: ResultSet, ctx: PageContext): ChartView | null {
  const { t, lang } = ctx;
  const rows = result.rows;
  if (!rows.length) return null;
  const lastFull = lastFullYear(ctx);
  const full = rows.filter((r) => Number(r.year) <= lastFull);
  const training: LinePoint[] = full.flatMap((r) => [
    { x: Number(r.year), y: num(r.area_per_10k), series: 'areas' },
    { x: Number(r.year), y: num(r.national_per_10k), series: 'nation' },
  ]);
  const placements: LinePoint[] = full.flatMap((r) => [
    { x: Number(r.year), y: num(r.area_placements_per_10k), series: 'areas' },
    { x: Number(r.year), y: num(r.national_placements_per_10k), series: 'nation' },
  ]);
  const series = [
    { key: 'areas', label: t('povertyAreas'), color: highlight, strokeWidth: 2.5 },
    { key: 'nation', label: t('nation'), color: '#52606d', dash: '4,3' },
  ];
  const latest = full.at(-1);
  return {
    summary: t('povertySummary', {
      year: String(latest?.year ?? '–'),
      ratio: formatRatio(num(latest?.ratio_to_national)),
      areas: formatNumber(num(latest?.area_per_10k), lang, 1),
      nation: formatNumber(num(latest?.national_per_10k), lang, 1),
    }),
    table: resultTable(result),
    draw(width) {
      const columns = width > 640 ? 2 : 1;
      const panelWidth = Math.floor((width - (columns - 1) * 16) / columns);
      const hasPlacements = placements.some((p) => p.y !== null);
      return h(
        'div',
        { class: 'small-multiples', style: `grid-template-columns: repeat(${columns}, 1fr)` },
        h(
          'div',
          { class: 'panel' },
          h('h3', { class: 'panel-title' }, t('povertyTrainingPanel')),
          lineChart(training, {
            width: panelWidth,
            height: 240,
            lang,
            x: 'year',
            series,
            yLabel: t('per10kAxis'),
            format: (v) => formatNumber(v, lang, 1),
            dots: true,
          }),
        ),
        h(
          'div',
          { class: 'panel' },
          h('h3', { class: 'panel-title' }, t('povertyPlacementsPanel')),
          hasPlacements
            ? lineChart(placements, {
                width: panelWidth,
                height: 240,
                lang,
                x: 'year',
                series,
                yLabel: t('per10kAxis'),
                format: (v) => formatNumber(v, lang, 2),
                dots: true,
              })
            : h('p', { class: 'state state-empty' }, t('emptyState')),
        ),
        hasPlacements && !placements.some((p) => p.series === 'areas' && p.y !== null)
          ? h('p', { class: 'panel-note' }, t('povertyAreasMissing'))
          : null,
      );
    },
  };
}

import { query, queryRows, type Params } from '../api.js';
import type { ChartView } from '../ui/card-frame.js';
import { lineChart, type LinePoint } from '../charts/line-chart.js';
import { swatchLegend } from '../charts/legend.js';
import { categorical, grid, highlight } from '../ui/theme.js';
import { base, Plot } from '../charts/plot-kit.js';
import { tileMap, type Tile } from '../charts/tile-map.js';
import { shortName } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatNumber, formatRatio, type Lang, pn } from '../i18n/format.js';
import type { MessageKey } from '../i18n/index.js';
import { listParam } from '../state.js';
import { chipsControl, selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { frameFor, param, type PageContext, type PageMount } from './context.js';
import { mainland, nameIn, num, numberFormats, regionOptions, resultTable, trainingYear, yearOptions } from './shared.js';

/** The indicators of region-profile and region-comparison, in their order. */
export const indicators = [
  'training_per_10k',
  'knowledge_renewal_per_10k',
  'certificates_per_10k',
  'vacancy_seeker_ratio',
  'competition_medals',
  'platforms_per_million',
] as const;
type Indicator = (typeof indicators)[number];
const indicatorKeys: Record<Indicator, MessageKey> = {
  training_per_10k: 'indTraining',
  knowledge_renewal_per_10k: 'indKnowledgeRenewal',
  certificates_per_10k: 'indCertificates',
  vacancy_seeker_ratio: 'indGapRatio',
  competition_medals: 'indMedals',
  platforms_per_million: 'indPlatforms',
};

const isRatio = (indicator: string) => indicator === 'vacancy_seeker_ratio';
const formatValue = (indicator: string, value: number, lang: Lang) =>
  isRatio(indicator) ? formatRatio(value) : formatNumber(value, lang, value < 100 ? 1 : 0);
const unitOf = (row: Row | undefined, lang: Lang) => String((lang === 'zh' ? row?.unit_zh : row?.unit_en) ?? '');

/** Regions: a tile map coloured by an indicator; a province's profile and trends; provinces side by side. */
export const mountRegions: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const map = frameFor(first, { id: 'regions-map', title: t('mapTitle'), kind: 'mixed', span: 2 });
  const profile = frameFor(first, { id: 'regions-profile', title: t('profileTitle'), kind: 'mixed', span: 1 });
  const trends = frameFor(first, { id: 'regions-trends', title: t('trendsTitle'), unit: t('trendsUnit'), kind: 'training', span: 3 });
  const compareControls = h('div');
  const comparison = frameFor(first, {
    id: 'regions-comparison',
    title: t('comparisonTitle'),
    unit: t('comparisonUnit'),
    kind: 'mixed',
    span: 3,
  });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageRegions')), h('p', {}, t('regionsIntro'))),
    controls,
    h(
      'div',
      { class: 'cards' },
      map.element,
      profile.element,
      trends.element,
      h('div', { class: 'span-3 compare-box' }, compareControls),
      comparison.element,
    ),
  );
  let lastRegion: string | null = null;

  return {
    update(ctx) {
      const { lang } = ctx;
      const indicator = (indicators as readonly string[]).includes(param(ctx, 'indicator'))
        ? (param(ctx, 'indicator') as Indicator)
        : 'vacancy_seeker_ratio';
      const year = param(ctx, 'year');
      const region = param(ctx, 'region', '440000');
      const compare = listParam(ctx.state.params.compare).filter((c) => mainland(ctx).some((p) => p.code === c));
      const compared = compare.length ? compare : [region, '110000', '310000'].filter((c, i, all) => all.indexOf(c) === i).slice(0, 3);
      replace(
        controls,
        toolbar(
          selectControl(
            'indicator',
            t('indicatorLabel'),
            indicators.map((i) => ({ value: i, label: t(indicatorKeys[i]) })),
            indicator,
            (v) => ctx.set({ indicator: v === 'vacancy_seeker_ratio' ? null : v }),
          ),
          selectControl('region', t('provinceLabel'), regionOptions(ctx), region, (v) => ctx.set({ region: v === '440000' ? null : v })),
          selectControl('year', t('yearLabel'), yearOptions(2015, trainingYear(ctx), t('latestYear')), year, (v) => ctx.set({ year: v })),
        ),
      );
      replace(
        compareControls,
        chipsControl(
          'compare',
          t('compareLabel'),
          mainland(ctx).map((p) => ({ value: p.code, label: shortName(p.name_zh, p.name_en, lang) })),
          compared,
          (values) => ctx.set({ compare: values }),
        ),
      );

      const yearParam: Params = { year: year || null };
      const focus = lastRegion !== null && lastRegion !== region && document.activeElement?.closest('g.tile') ? region : null;
      lastRegion = region;
      map.setHeading(`${t('mapTitle')}${pn(lang).colon}${t(indicatorKeys[indicator])}`);
      map.setApi(query('region-comparison', yearParam));
      void map.load(`${indicator}|${year}|${region}|${lang}`, async () =>
        mapView(await queryRows('region-comparison', yearParam), ctx, indicator, region, focus),
      );
      const province = ctx.refs.provinces.find((p) => p.code === region);
      const provinceName = province ? nameIn(province, lang) : region;
      profile.setHeading(`${t('profileTitle')}${pn(lang).colon}${provinceName}`, t('profileUnit'));
      profile.setApi(query('region-profile', { region, ...yearParam }));
      void profile.load(`${region}|${year}|${lang}`, async () =>
        profileView(await queryRows('region-profile', { region, ...yearParam }), ctx),
      );
      trends.setHeading(`${t('trendsTitle')}${pn(lang).colon}${provinceName}`, t('trendsUnit'));
      trends.setApi(query('training-trend', { grain: 'year', program: 'vocational_training', region }));
      void trends.load(`${region}|${lang}`, () => trendsView(ctx, region));
      comparison.setApi(query('region-comparison', { regions: compared, ...yearParam }));
      void comparison.load(`${compared.join(',')}|${year}|${lang}`, async () =>
        comparisonView(await queryRows('region-comparison', { regions: compared, ...yearParam }), ctx, compared),
      );
    },
  };
};

function mapView(result: ResultSet, ctx: PageContext, indicator: Indicator, selected: string, focus: string | null): ChartView | null {
  const { t, lang } = ctx;
  const rows = result.rows.filter((r) => r.indicator === indicator);
  if (!rows.length) return null;
  const values = new Map(rows.map((r) => [String(r.region_code), num(r.value)]));
  const numbers = [...values.values()].filter((v): v is number => v !== null);
  const tiles: Tile[] = ctx.refs.provinces.map((p) => ({
    code: p.code,
    short: lang === 'zh' ? shortName(p.name_zh, p.name_en, 'zh') : p.abbr || p.name_en.slice(0, 2),
    name: nameIn(p, lang),
    row: p.row,
    col: p.col,
    outside: !p.inMainland,
  }));
  const unit = unitOf(rows[0], lang);
  const period = String(rows[0].period ?? rows[0].year ?? '');
  const label = `${t(indicatorKeys[indicator])}${pn(lang).open}${unit}${pn(lang).comma}${period}${pn(lang).close}`;
  const sorted = [...rows].filter((r) => num(r.value) !== null).sort((a, b) => (num(b.value) ?? 0) - (num(a.value) ?? 0));
  const top = sorted.slice(0, 3).map((r) => `${nameIn(r as never, lang)} ${formatValue(indicator, num(r.value)!, lang)}`);
  const bottom = sorted.slice(-3).map((r) => `${nameIn(r as never, lang)} ${formatValue(indicator, num(r.value)!, lang)}`);
  return {
    interactive: true,
    summary: t('mapSummary', {
      indicator: t(indicatorKeys[indicator]),
      period,
      top: top.join(pn(lang).list),
      bottom: bottom.join(pn(lang).list),
    }),
    table: resultTable({ ...result, rows }),
    draw: (width) =>
      tileMap(tiles, {
        width,
        lang,
        values,
        color: isRatio(indicator)
          ? { kind: 'diverging', pivot: 1, domain: [Math.min(...numbers), Math.max(...numbers)], label, tickFormat: (v) => formatRatio(v) }
          : { kind: 'sequential', domain: [Math.min(...numbers), Math.max(...numbers)], label, tickFormat: numberFormats(lang).compact },
        format: (v) => `${formatValue(indicator, v, lang)} ${unit}`,
        compact: (v) => (isRatio(indicator) ? formatRatio(v) : numberFormats(lang).compact(v)),
        selected,
        focus,
        onSelect: (code) => ctx.set({ region: code === '440000' ? null : code }),
        outsideText: t('outsideMainland'),
        noValueText: t('noValue'),
      }),
  };
}

/** Each indicator as an index (nation = 100): the province, its macro-region's median and the nation. */
function profileView(result: ResultSet, ctx: PageContext): ChartView | null {
  const { t, lang } = ctx;
  const rows = result.rows;
  if (!rows.length) return null;
  const index = (v: number | null, national: number | null) => (v === null || !national ? null : (v / national) * 100);
  const data = rows.map((r) => {
    const national = num(r.national_value);
    return {
      label: t(indicatorKeys[r.indicator as Indicator] ?? 'indTraining'),
      indicator: String(r.indicator),
      value: num(r.value),
      median: num(r.macro_region_median),
      national,
      valueIndex: index(num(r.value), national),
      medianIndex: index(num(r.macro_region_median), national),
      rank: num(r.rank),
      unit: unitOf(r, lang),
      period: String(r.period ?? ''),
    };
  });
  const macro = String(rows[0].macro_region ?? '');
  const macroKeys: Record<string, MessageKey> = {
    east: 'macroEast',
    central: 'macroCentral',
    west: 'macroWest',
    northeast: 'macroNortheast',
  };
  const macroName = macroKeys[macro] ? t(macroKeys[macro]) : macro;
  const summary = t('profileSummary', {
    region: nameIn(rows[0] as never, lang),
    items: data
      .map(
        (d) =>
          `${d.label} ${d.value === null ? '–' : formatValue(d.indicator, d.value, lang)}${pn(lang).open}${t('rankOf', { rank: d.rank ?? '–', total: 31 })}${pn(lang).close}`,
      )
      .join(pn(lang).semi),
  });
  return {
    summary,
    table: resultTable(result),
    draw(width) {
      const labels = data.map((d) => d.label);
      const max = Math.max(150, ...data.flatMap((d) => [d.valueIndex ?? 0, d.medianIndex ?? 0])) * 1.08;
      const chart = Plot.plot({
        ...base(width, data.length * 76 + 30),
        marginLeft: 10,
        marginRight: 10,
        x: { domain: [0, max], label: null, grid: false },
        fy: { domain: labels, label: null, axis: null },
        y: { axis: null, domain: [0, 1] },
        marks: [
          Plot.gridX({ stroke: grid, strokeOpacity: 1 }),
          Plot.text(data, {
            fy: 'label',
            frameAnchor: 'top-left',
            text: (d: (typeof data)[number]) => `${d.label}  ${t('rankOf', { rank: d.rank ?? '–', total: 31 })}`,
            dy: 2,
            fontWeight: 600,
            fontSize: 12,
          }),
          Plot.ruleX([100], { stroke: '#1f2933', strokeDasharray: '3,3' }),
          Plot.ruleY(data, {
            fy: 'label',
            x1: 0,
            x2: (d: (typeof data)[number]) => d.valueIndex ?? 0,
            y: 0.2,
            stroke: '#cbd2d9',
            strokeWidth: 6,
          }),
          Plot.dot(data, { fy: 'label', x: 'medianIndex', y: 0.2, r: 6, stroke: categorical[1], strokeWidth: 2.5, fill: 'white' }),
          Plot.dot(data, { fy: 'label', x: 'valueIndex', y: 0.2, r: 6.5, fill: highlight }),
          Plot.text(data, {
            fy: 'label',
            frameAnchor: 'top-left',
            text: (d: (typeof data)[number]) => (d.value === null ? '–' : `${formatValue(d.indicator, d.value, lang)} ${d.unit}`),
            dy: 19,
            fontSize: 11.5,
            fill: '#52606d',
          }),
          Plot.tip(
            data,
            Plot.pointer({
              fy: 'label',
              x: 'valueIndex',
              y: 0.2,
              title: (d: (typeof data)[number]) =>
                [
                  `${d.label}${pn(lang).open}${d.period}${pn(lang).close}`,
                  `${t('thisProvince')}${pn(lang).colon}${d.value === null ? '–' : formatValue(d.indicator, d.value, lang)} ${d.unit}`,
                  `${t('macroMedian')}${pn(lang).colon}${d.median === null ? '–' : formatValue(d.indicator, d.median, lang)}`,
                  `${t('nation')}${pn(lang).colon}${d.national === null ? '–' : formatValue(d.indicator, d.national, lang)}`,
                  t('rankOf', { rank: d.rank ?? '–', total: 31 }),
                ].join('\n'),
            }),
          ),
        ],
      });
      const legend = swatchLegend(
        [
          { label: t('thisProvince'), color: highlight },
          { label: `${t('macroMedian')}${pn(lang).open}${macroName}${pn(lang).close}`, color: categorical[1], shape: 'line' },
          { label: t('nationIs100'), color: '#1f2933', shape: 'line', dash: '3,3' },
        ],
        width,
      );
      const box = h('div', { class: 'chart' });
      box.append(legend, chart);
      return box;
    },
  };
}

const trendPrograms = ['vocational_training', 'knowledge_renewal', 'skill_certificate'];

/** Small multiples: each programme's volume per 10,000 working-age people, the province against the nation. */
async function trendsView(ctx: PageContext, region: string): Promise<ChartView | null> {
  const { t, lang, refs } = ctx;
  const programs = refs.programs.filter((p) => p.factTable === 'training' && trendPrograms.includes(p.code));
  const chosen = programs.length ? programs : refs.programs.filter((p) => p.factTable === 'training').slice(0, 3);
  const provinceAge = refs.provinces.find((p) => p.code === region)?.workingAge ?? null;
  const nationAge = mainland(ctx).reduce((sum, p) => sum + (p.workingAge ?? 0), 0);
  const results = await Promise.all(chosen.map((p) => queryRows('training-trend', { grain: 'year', program: p.code, region })));
  const lastFull = Number((ctx.meta.freshness.training_through ?? '').slice(5, 7)) === 12 ? 9999 : trainingYear(ctx) - 1;
  const table: Row[] = [];
  const panels = chosen.map((program, i) => {
    const points: LinePoint[] = [];
    for (const r of results[i].rows) {
      const year = Number(r.period);
      if (!(year <= lastFull)) continue;
      const own = provinceAge ? ((num(r.person_times) ?? 0) / provinceAge) * 1e4 : null;
      const nation = nationAge ? ((num(r.national_person_times) ?? 0) / nationAge) * 1e4 : null;
      points.push({ x: year, y: own, series: 'region' }, { x: year, y: nation, series: 'nation' });
      table.push({
        program_code: program.code,
        year,
        region_per_10k: own,
        national_per_10k: nation,
        person_times: num(r.person_times),
        national_person_times: num(r.national_person_times),
      });
    }
    return { program, points };
  });
  if (!table.length) return null;
  const province = refs.provinces.find((p) => p.code === region);
  const name = province ? nameIn(province, lang) : region;
  return {
    summary: t('trendsSummary', { region: name, programs: chosen.map((p) => nameIn(p, lang)).join(pn(lang).list) }),
    table: { columns: Object.keys(table[0]).map((k) => ({ key: k, label: k })), rows: table },
    draw(width) {
      const columns = width > 900 ? 3 : width > 560 ? 2 : 1;
      const panelWidth = Math.floor((width - (columns - 1) * 16) / columns);
      const series = [
        { key: 'region', label: name, color: highlight, strokeWidth: 2.5 },
        { key: 'nation', label: t('nation'), color: '#52606d', dash: '4,3' },
      ];
      return h(
        'div',
        { class: 'small-multiples', style: `grid-template-columns: repeat(${columns}, 1fr)` },
        panels.map((panel) =>
          h(
            'div',
            { class: 'panel' },
            h('h3', { class: 'panel-title' }, nameIn(panel.program, lang)),
            lineChart(panel.points, {
              width: panelWidth,
              height: 200,
              lang,
              x: 'year',
              series,
              yLabel: t('per10kShort', { unit: lang === 'zh' ? panel.program.unit_zh : panel.program.unit_en }),
              format: (v) => formatNumber(v, lang, 1),
            }),
          ),
        ),
      );
    },
  };
}

/** Provinces side by side: one panel per indicator, a bar per province, the nation as a dashed line. */
function comparisonView(result: ResultSet, ctx: PageContext, regions: string[]): ChartView | null {
  const { t, lang } = ctx;
  if (!result.rows.length) return null;
  const labelOf = (code: string) => {
    const p = ctx.refs.provinces.find((x) => x.code === code);
    return p ? shortName(p.name_zh, p.name_en, lang) : code;
  };
  const order = regions.map(labelOf);
  const data = result.rows.map((r) => ({
    indicator: String(r.indicator),
    label: t(indicatorKeys[r.indicator as Indicator] ?? 'indTraining'),
    region: labelOf(String(r.region_code)),
    value: num(r.value),
    national: num(r.national_value),
    rank: num(r.rank),
    unit: unitOf(r, lang),
  }));
  const summary = t('comparisonSummary', {
    regions: order.join(pn(lang).list),
    items: indicators
      .map((ind) => {
        const rows = data.filter((d) => d.indicator === ind && d.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
        return rows.length ? `${rows[0].label}${pn(lang).colon}${rows[0].region}` : '';
      })
      .filter(Boolean)
      .join(pn(lang).semi),
  });
  return {
    summary,
    table: resultTable(result),
    draw(width) {
      const columns = width > 900 ? 3 : width > 560 ? 2 : 1;
      const panelWidth = Math.floor((width - (columns - 1) * 16) / columns);
      const color = (i: number) => categorical[i % categorical.length];
      const legend = swatchLegend(
        [
          ...order.map((label, i) => ({ label, color: color(i) })),
          { label: t('nation'), color: '#1f2933', shape: 'line' as const, dash: '4,3' },
        ],
        width,
      );
      const panels = indicators
        .map((ind) => data.filter((d) => d.indicator === ind))
        .filter((rows) => rows.length)
        .map((rows) => {
          // A count's national value is the national total: not a reference for one province.
          const national = rows[0].indicator === 'competition_medals' ? null : rows[0].national;
          const chart = Plot.plot({
            ...base(panelWidth, order.length * 26 + 40),
            marginLeft: Math.max(48, ...order.map((o) => [...o].length * (lang === 'zh' ? 13 : 7.5))) + 8,
            marginRight: 64,
            marginBottom: 40,
            x: {
              label: rows[0].unit,
              labelAnchor: 'right',
              labelArrow: 'none',
              tickFormat: ((v: number) => (isRatio(rows[0].indicator) ? formatRatio(v, 1) : numberFormats(lang).compact(v))) as (
                d: unknown,
              ) => string,
              ticks: 4,
              nice: true,
              grid: false,
            },
            y: { domain: order, label: null, tickSize: 0, padding: 0.2 },
            marks: [
              Plot.gridX({ stroke: grid, strokeOpacity: 1, ticks: 4 }),
              Plot.barX(rows, { x: 'value', y: 'region', fill: (d: { region: string }) => color(order.indexOf(d.region)) }),
              Plot.text(rows, {
                x: 'value',
                y: 'region',
                text: (d: (typeof rows)[number]) =>
                  d.value === null ? '–' : `${formatValue(d.indicator, d.value, lang)}  #${d.rank ?? '–'}`,
                textAnchor: 'start',
                dx: 4,
                fontSize: 10.5,
              }),
              national === null ? null : Plot.ruleX([national], { stroke: '#1f2933', strokeDasharray: '4,3' }),
              Plot.tip(
                rows,
                Plot.pointerY({
                  x: 'value',
                  y: 'region',
                  title: (d: (typeof rows)[number]) =>
                    `${d.region} · ${d.label}\n${d.value === null ? '–' : formatValue(d.indicator, d.value, lang)} ${d.unit}\n${t('nation')}${pn(lang).colon}${national === null ? '–' : formatValue(d.indicator, national, lang)}\n${t('rankOf', { rank: d.rank ?? '–', total: 31 })}`,
                }),
              ),
            ],
          });
          return h('div', { class: 'panel' }, h('h3', { class: 'panel-title' }, rows[0].label), chart);
        });
      const box = h('div', { class: 'chart' });
      box.append(legend, h('div', { class: 'small-multiples', style: `grid-template-columns: repeat(${columns}, 1fr)` }, panels));
      return box;
    },
  };
}

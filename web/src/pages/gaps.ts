import { query, queryRows, type Params } from '../api.js';
import { barChart, type Bar } from '../charts/bar-chart.js';
import type { ChartView } from '../ui/card-frame.js';
import { heatmap, type HeatCell } from '../charts/heatmap.js';
import { categorical } from '../ui/theme.js';
import type { ResultSet } from '../decode.js';
import { formatNumber, formatPercent, formatQuarter, formatRatio, formatSignedInteger, pn } from '../i18n/format.js';
import type { MessageKey } from '../i18n/index.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { frameFor, param, type PageContext, type PageMount } from './context.js';
import { nameIn, num, numberFormats, provinceLabel, quarterList, resultTable } from './shared.js';

/** Short names of the eight major groups of the national occupational classification (GB/T 6565). */
export const groupShortKeys: Record<string, MessageKey> = {
  '1': 'group1',
  '2': 'group2',
  '3': 'group3',
  '4': 'group4',
  '5': 'group5',
  '6': 'group6',
  '7': 'group7',
  '8': 'group8',
};

const thetas = ['1.2', '1.5', '2'];

/** Talent gaps: region × occupation-group heatmap, the shortage ranking, the strategic-zone panel. */
export const mountGaps: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const heat = frameFor(first, { id: 'gaps-heatmap', title: t('heatmapTitle'), unit: t('heatmapUnit'), kind: 'labor', span: 2 });
  const ranking = frameFor(first, { id: 'gaps-shortage', title: t('shortageTitle'), unit: t('shortageUnit'), kind: 'labor', span: 1 });
  const pressure = frameFor(first, { id: 'gaps-zone-pressure', title: t('zonePressureTitle'), kind: 'labor', span: 1 });
  const tightest = frameFor(first, { id: 'gaps-zone-tightest', title: t('zoneTightestTitle'), kind: 'labor', span: 3 });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageGaps')), h('p', {}, t('gapsIntro'))),
    controls,
    h('div', { class: 'cards' }, heat.element, h('div', { class: 'stack' }, ranking.element, pressure.element), tightest.element),
  );
  return {
    update(ctx) {
      const { lang } = ctx;
      const quarters = quarterList(ctx.meta.freshness.labor_market_through, 12);
      const quarter = param(ctx, 'quarter');
      const zone = param(ctx, 'zone', ctx.refs.zones.find((z) => z.code === 'gba')?.code ?? ctx.refs.zones[0]?.code ?? 'gba');
      const theta = thetas.includes(param(ctx, 'theta')) ? param(ctx, 'theta') : '1.5';
      replace(
        controls,
        toolbar(
          selectControl(
            'quarter',
            t('quarterLabel'),
            [{ value: '', label: t('latestQuarter') }, ...quarters.map((q) => ({ value: q, label: formatQuarter(q, lang) }))],
            quarter,
            (v) => ctx.set({ quarter: v }),
          ),
          selectControl(
            'zone',
            t('zoneLabel'),
            ctx.refs.zones.map((z) => ({ value: z.code, label: nameIn(z, lang) })),
            zone,
            (v) => ctx.set({ zone: v === 'gba' ? null : v }),
          ),
          selectControl(
            'theta',
            t('thetaLabel'),
            thetas.map((v) => ({ value: v, label: `θ = ${v}` })),
            theta,
            (v) => ctx.set({ theta: v === '1.5' ? null : v }),
          ),
        ),
      );
      const q: Params = { quarter: quarter || null };
      const zoneName = nameIn(ctx.refs.zones.find((z) => z.code === zone) ?? { name_zh: zone, name_en: zone }, lang);
      heat.setApi(query('talent-gap', q));
      void heat.load(`${quarter}|${lang}`, async () => heatView(await queryRows('talent-gap', q), ctx));
      const rankParams: Params = { ...q, limit: 15 };
      ranking.setApi(query('shortage-occupations', rankParams));
      void ranking.load(`${quarter}|${lang}`, async () => rankingView(await queryRows('shortage-occupations', rankParams), ctx));
      const pressureParams: Params = { ...q, theta };
      pressure.setHeading(t('zonePressureTitle'), t('zonePressureUnit', { theta }));
      pressure.setApi(query('zone-pressure', pressureParams));
      void pressure.load(`${quarter}|${theta}|${zone}|${lang}`, async () =>
        pressureView(await queryRows('zone-pressure', pressureParams), ctx, zone, Number(theta)),
      );
      const tightParams: Params = { ...q, zone, limit: 15 };
      tightest.setHeading(`${t('zoneTightestTitle')}${pn(lang).colon}${zoneName}`, t('zoneTightestUnit', { theta }));
      tightest.setApi(query('zone-tightest-occupations', tightParams));
      void tightest.load(`${quarter}|${zone}|${theta}|${lang}`, async () =>
        tightestView(await queryRows('zone-tightest-occupations', tightParams), ctx, Number(theta)),
      );
    },
  };
};

function groupLabel(code: string, fallback: string, ctx: PageContext): string {
  const key = groupShortKeys[code];
  return key ? ctx.t(key) : fallback;
}

function heatView(result: ResultSet, ctx: PageContext): ChartView | null {
  const { t, lang } = ctx;
  const rows = result.rows;
  if (!rows.length) return null;
  const f = numberFormats(lang);
  const groups = [
    ...new Map(
      rows.map((r) => [
        String(r.group_code),
        groupLabel(String(r.group_code), String(lang === 'zh' ? r.group_name_zh : r.group_name_en), ctx),
      ]),
    ).entries(),
  ].sort((a, b) => a[0].localeCompare(b[0]));
  const groupOf = new Map(groups);
  const regions = [...new Map(rows.map((r) => [String(r.region_code), provinceLabel(r, lang)])).values()];
  const cells: HeatCell[] = rows.map((r) => ({
    x: groupOf.get(String(r.group_code))!,
    y: provinceLabel(r, lang),
    value: num(r.ratio),
    detail: [
      `${t('ratioLabel')}${pn(lang).colon}${formatRatio(num(r.ratio))}`,
      `${t('vacancies')}${pn(lang).colon}${f.number(num(r.vacancies) ?? NaN)}`,
      `${t('jobSeekers')}${pn(lang).colon}${f.number(num(r.job_seekers) ?? NaN)}`,
      `${t('gapLabel')}${pn(lang).colon}${f.number(num(r.gap) ?? NaN)}`,
      `${t('changeOnQuarter')}${pn(lang).colon}${num(r.ratio_change_on_previous_quarter) === null ? '–' : formatRatio(num(r.ratio_change_on_previous_quarter))}`,
    ].join('\n'),
  }));
  const ratios = cells.map((c) => c.value).filter((v): v is number => v !== null);
  const tightest = [...rows].sort((a, b) => (num(b.ratio) ?? 0) - (num(a.ratio) ?? 0))[0];
  const above = ratios.filter((r) => r > 1).length;
  return {
    summary: t('heatmapSummary', {
      quarter: formatQuarter(String(rows[0].quarter), lang),
      above,
      total: ratios.length,
      region: provinceLabel(tightest, lang),
      group: groupOf.get(String(tightest.group_code)) ?? '',
      ratio: formatRatio(num(tightest.ratio)),
    }),
    table: resultTable(result),
    draw: (width) =>
      heatmap(cells, {
        width,
        xDomain: groups.map((g) => g[1]),
        yDomain: regions,
        format: (v) => formatRatio(v),
        color: {
          kind: 'diverging',
          pivot: 1,
          domain: [Math.min(...ratios), Math.max(...ratios)],
          label: t('ratioLegend'),
          tickFormat: (v) => formatRatio(v, 1),
        },
      }),
  };
}

function rankingView(result: ResultSet, ctx: PageContext): ChartView | null {
  const { t, lang } = ctx;
  if (!result.rows.length) return null;
  const f = numberFormats(lang);
  const bars: Bar[] = result.rows.map((r) => {
    const change = num(r.rank_change);
    const arrow = change === null ? t('newEntry') : change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '＝';
    return {
      key: String(r.occupation_code),
      label: `${r.rank}. ${lang === 'zh' ? r.name_zh : r.name_en}`,
      value: num(r.score),
      note: arrow,
      color: categorical[0],
      detail: [
        `${t('ratioLabel')}${pn(lang).colon}${formatRatio(num(r.ratio))}`,
        `${t('vacancies')} / ${t('jobSeekers')}${pn(lang).colon}${f.number(num(r.vacancies) ?? NaN)} / ${f.number(num(r.job_seekers) ?? NaN)}`,
        `${t('regionsWithGap')}${pn(lang).colon}${r.regions_with_gap}/${r.regions_reporting}`,
        `${t('rankChange')}${pn(lang).colon}${change === null ? t('newEntry') : formatSignedInteger(change)}`,
      ].join('\n'),
    };
  });
  return {
    summary: t('shortageSummary', {
      quarter: formatQuarter(String(result.rows[0].quarter), lang),
      items: bars
        .slice(0, 5)
        .map((b) => b.label)
        .join(pn(lang).list),
    }),
    table: resultTable(result),
    draw: (width) => barChart(bars, { width, lang, xLabel: t('shortageScore'), format: f.compact }),
  };
}

function pressureView(result: ResultSet, ctx: PageContext, zone: string, theta: number): ChartView | null {
  const { t, lang } = ctx;
  if (!result.rows.length) return null;
  const f = numberFormats(lang);
  const bars: Bar[] = result.rows.map((r) => ({
    key: String(r.zone_code),
    label: String(lang === 'zh' ? r.name_zh : r.name_en),
    value: num(r.share_over_theta),
    highlight: r.zone_code === zone,
    note: `${r.occupations_over_theta}/${r.occupations_reported}`,
    detail: [
      `${t('occupationsOverTheta', { theta })}${pn(lang).colon}${r.occupations_over_theta}/${r.occupations_reported}`,
      `${t('ratioAll')}${pn(lang).colon}${formatRatio(num(r.ratio))}`,
      `${t('ratioCatalogue')}${pn(lang).colon}${formatRatio(num(r.catalogue_ratio))}`,
      `${t('vacancies')}${pn(lang).colon}${f.number(num(r.vacancies) ?? NaN)}`,
    ].join('\n'),
  }));
  return {
    summary: t('zonePressureSummary', { theta, items: bars.map((b) => `${b.label} ${formatPercent(b.value)}`).join(pn(lang).semi) }),
    table: resultTable(result),
    draw: (width) =>
      barChart(bars, {
        width,
        lang,
        xLabel: t('shareOverTheta'),
        format: (v) => formatPercent(v, 0),
        tick: (v) => formatPercent(v, 0),
        barHeight: 30,
      }),
  };
}

function tightestView(result: ResultSet, ctx: PageContext, theta: number): ChartView | null {
  const { t, lang } = ctx;
  if (!result.rows.length) return null;
  const f = numberFormats(lang);
  const bars: Bar[] = result.rows.map((r) => ({
    key: String(r.occupation_code),
    label: `${r.rank}. ${lang === 'zh' ? r.name_zh : r.name_en}`,
    value: num(r.ratio),
    highlight: (num(r.ratio) ?? 0) > theta,
    detail: [
      `${t('vacancies')}${pn(lang).colon}${f.number(num(r.vacancies) ?? NaN)}`,
      `${t('jobSeekers')}${pn(lang).colon}${f.number(num(r.job_seekers) ?? NaN)}`,
      `${t('gapLabel')}${pn(lang).colon}${formatNumber(num(r.gap), lang)}`,
    ].join('\n'),
  }));
  return {
    summary: t('zoneTightestSummary', {
      items: bars
        .slice(0, 5)
        .map((b) => `${b.label} ${formatRatio(b.value)}`)
        .join(pn(lang).list),
    }),
    table: resultTable(result),
    draw: (width) =>
      barChart(bars, {
        width,
        lang,
        xLabel: t('ratioLabel'),
        format: (v) => formatRatio(v),
        tick: (v) => formatRatio(v, 1),
        reference: { value: theta, label: `θ = ${theta}` },
      }),
  };
}

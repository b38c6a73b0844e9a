import { datasetRows, query, queryRows, type Params } from '../api.js';
import { bulletChart, type BulletRow } from '../charts/bullet.js';
import type { ChartView } from '../ui/card-frame.js';
import { isStatus, statusStyles } from '../ui/theme.js';
import { targetPathChart, type PathMonth } from '../charts/target-path.js';
import type { Program } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatMonth, formatPercent, formatRatio, pn } from '../i18n/format.js';
import { statusBadge, statusText, worstStatus } from '../ui/badge.js';
import { selectControl, toolbar } from '../ui/controls.js';
import { h, replace } from '../ui/dom.js';
import { frameFor, param, type PageContext, type PageMount } from './context.js';
import { nameIn, num, numberFormats, programOptions, regionOptions, resultTable, trainingYear, unitOf, yearOptions } from './shared.js';

/** Overview: the eight actions with their status, the annual target's progress and path, the multi-year targets. */
export const mountOverview: PageMount = (root, first) => {
  const { t } = first;
  const controls = h('div');
  const progress = frameFor(first, { id: 'overview-progress', title: t('progressTitle'), kind: 'training', span: 1 });
  const path = frameFor(first, { id: 'overview-path', title: t('pathTitle'), kind: 'training', span: 2 });
  const actions = frameFor(first, { id: 'overview-actions', title: t('actionsTitle'), unit: t('actionsUnit'), kind: 'mixed', span: 3 });
  const multiYear = frameFor(first, {
    id: 'overview-multi-year',
    title: t('multiYearTitle'),
    unit: t('multiYearUnit'),
    kind: 'mixed',
    span: 3,
  });
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('pageOverview')), h('p', {}, t('overviewIntro'))),
    controls,
    h('div', { class: 'cards' }, progress.element, path.element, actions.element, multiYear.element),
  );

  return {
    update(ctx) {
      const { lang } = ctx;
      const program = param(ctx, 'program', 'knowledge_renewal');
      const region = param(ctx, 'region');
      const year = param(ctx, 'year');
      replace(
        controls,
        toolbar(
          selectControl('program', t('programLabel'), programOptions(ctx, 'training'), program, (v) =>
            ctx.set({ program: v === 'knowledge_renewal' ? null : v }),
          ),
          selectControl('region', t('regionLabel'), regionOptions(ctx, t('nation')), region, (v) => ctx.set({ region: v })),
          selectControl('year', t('yearLabel'), yearOptions(2015, trainingYear(ctx), t('latestYear')), year, (v) => ctx.set({ year: v })),
        ),
      );
      const programInfo = ctx.refs.programs.find((p) => p.code === program);
      const params: Params = { program, region: region || null, year: year || null };
      const programName = programInfo ? nameIn(programInfo, lang) : program;
      const scope = region
        ? nameIn(ctx.refs.provinces.find((p) => p.code === region) ?? { name_zh: region, name_en: region }, lang)
        : t('nation');
      progress.setHeading(t('progressTitle'), `${programName} · ${scope} · ${unitOf(programInfo, lang)}`);
      path.setHeading(t('pathTitle'), `${programName} · ${scope} · ${t('cumulativeUnit', { unit: unitOf(programInfo, lang) })}`);
      progress.setApi(query('annual-target-progress', params));
      path.setApi(query('annual-target-path', params));
      const key = JSON.stringify(params) + lang;
      void progress.load(key, async () => progressView(await queryRows('annual-target-progress', params), ctx));
      void path.load(key, async () => pathView(await queryRows('annual-target-path', params), ctx, unitOf(programInfo, lang)));
      const scopeParams: Params = { region: region || null };
      actions.setApi(query('multi-year-target-progress', scopeParams));
      multiYear.setApi(query('multi-year-target-progress', scopeParams));
      void actions.load(`${region}|${lang}`, () => actionsView(ctx, region));
      void multiYear.load(`${region}|${lang}`, async () => multiYearView(await queryRows('multi-year-target-progress', scopeParams), ctx));
    },
  };
};

function progressView(result: ResultSet, ctx: PageContext): ChartView | null {
  const row = result.rows[0];
  if (!row) return null;
  const { t, lang } = ctx;
  const f = numberFormats(lang);
  const unit = String((lang === 'zh' ? row.unit_zh : row.unit_en) ?? '');
  const target = num(row.target);
  const cumulative = num(row.cumulative_actual) ?? 0;
  const share = num(row.share_achieved);
  const expected = num(row.expected);
  const basis = row.expected_basis === 'seasonal' ? t('basisSeasonal') : t('basisLinear');
  const kpi = (label: string, value: string | HTMLElement, note?: string, id?: string) =>
    h(
      'div',
      { class: 'kpi', 'data-kpi': id },
      h('p', { class: 'kpi-label' }, label),
      h('p', { class: 'kpi-value' }, value),
      note ? h('p', { class: 'kpi-note' }, note) : null,
    );
  const summary = target
    ? t('progressSummary', {
        asOf: formatMonth(String(row.as_of), lang),
        cumulative: f.number(cumulative),
        unit,
        target: f.number(target),
        share: formatPercent(share),
        status: statusText(row.status, t),
        projected: f.number(num(row.projected_year_end) ?? 0),
      })
    : t('progressSummaryNoTarget', { asOf: formatMonth(String(row.as_of), lang), cumulative: f.number(cumulative), unit });
  const bullet = (width: number) => {
    if (!target) return null;
    const ratio = (v: number | null) => (v === null ? null : v / target);
    const rows: BulletRow[] = [
      {
        label: t('ytd'),
        achieved: cumulative / target,
        expected: ratio(expected),
        color: isStatus(row.status) ? statusStyles[row.status].color : '#3d8ac4',
        note: '',
        detail: `${t('cumulativeActual')}${pn(lang).colon}${f.number(cumulative)}\n${t('expectedToDate')}${pn(lang).open}${basis}${pn(lang).close}${pn(lang).colon}${expected === null ? '–' : f.number(expected)}`,
      },
    ];
    return bulletChart(rows, {
      width,
      labels: { achieved: t('shareAchieved'), expected: t('expectedToDate'), target: t('target') },
      axis: t('shareOfTarget'),
      achievedColor: rows[0].color,
    });
  };
  return {
    summary,
    table: resultTable(result),
    draw(width) {
      return h(
        'div',
        { class: 'progress-panel' },
        h(
          'div',
          { class: 'progress-status' },
          statusBadge(row.status, t, 'large'),
          h(
            'p',
            { class: 'kpi-note' },
            t('asOfMonths', { asOf: formatMonth(String(row.as_of), lang), months: String(row.months_elapsed ?? '–') }),
          ),
        ),
        h(
          'div',
          { class: 'kpis' },
          kpi(
            t('cumulativeActual'),
            h('span', {}, f.number(cumulative), h('small', {}, ` ${unit}`)),
            target ? t('ofTarget', { target: f.number(target), share: formatPercent(share) }) : t('noTarget'),
            'cumulative',
          ),
          kpi(
            t('pace'),
            formatRatio(num(row.pace)),
            t('paceNote', { basis, expected: expected === null ? '–' : f.number(expected) }),
            'pace',
          ),
          kpi(
            t('requiredMonthly'),
            f.number(num(row.required_monthly_rate) ?? NaN),
            t('recentMonthly', { rate: f.number(num(row.recent_monthly_rate) ?? NaN) }),
            'required',
          ),
          kpi(
            t('projectedYearEnd'),
            f.number(num(row.projected_year_end) ?? NaN),
            t('projectedBand', { low: f.number(num(row.projected_low) ?? NaN), high: f.number(num(row.projected_high) ?? NaN) }),
            'projected',
          ),
        ),
        bullet(width),
      );
    },
  };
}

function pathView(result: ResultSet, ctx: PageContext, unit: string): ChartView | null {
  if (!result.rows.length) return null;
  const { t, lang } = ctx;
  const f = numberFormats(lang);
  const months: PathMonth[] = result.rows.map((r) => ({
    month: Number(String(r.month).slice(5, 7)) || Number(r.month),
    actual: num(r.cumulative_actual),
    seasonal: num(r.expected_cumulative_seasonal),
    linear: num(r.expected_cumulative_linear),
    projected: num(r.projected_cumulative),
    low: num(r.projected_low),
    high: num(r.projected_high),
    target: num(r.target),
  }));
  const last = [...months].reverse().find((m) => m.actual !== null);
  const target = months.find((m) => m.target !== null)?.target ?? null;
  const december = months.find((m) => m.month === 12);
  const summary = t('pathSummary', {
    month: last ? String(last.month) : '–',
    actual: last?.actual === null || !last ? '–' : f.number(last.actual),
    expected: last?.seasonal === null || !last ? '–' : f.number(last.seasonal ?? 0),
    projected: december?.projected == null ? '–' : f.number(december.projected),
    target: target === null ? '–' : f.number(target),
  });
  const labels = {
    actual: t('cumulativeActual'),
    seasonal: t('expectedSeasonal'),
    linear: t('expectedLinear'),
    projected: t('projection'),
    band: t('projectionBand'),
    target: t('target'),
    unit,
  };
  return { summary, table: resultTable(result), draw: (width) => targetPathChart(months, { width, lang, labels, format: f.number }) };
}

interface Headline {
  program: Program;
  value: number | null;
  unit: string;
  period: string;
  status: string | null;
  share: number | null;
  kind: string;
}

/** The eight actions, each with its programmes' headline figures and the worst status among their targets. */
async function actionsView(ctx: PageContext, region: string): Promise<ChartView | null> {
  const { t, lang, refs } = ctx;
  const f = numberFormats(lang);
  const scope: Params = { region: region || null };
  const [multi, targets] = await Promise.all([
    queryRows('multi-year-target-progress', scope).catch(() => null),
    datasetRows('target').catch(() => null),
  ]);
  const annualTargets = new Set(
    (targets?.rows ?? [])
      .filter((r) => r.period_start === r.period_end && r.region_code === (region || '000000'))
      .map((r) => String(r.program_code)),
  );
  const headlines = await Promise.all(
    refs.programs.map(async (program): Promise<Headline> => {
      const unit = unitOf(program, lang);
      if (program.factTable === 'training') {
        const row = (await queryRows('annual-target-progress', { program: program.code, ...scope })).rows[0];
        const hasTarget = annualTargets.has(program.code) || num(row?.target) !== null;
        return {
          program,
          value: num(row?.cumulative_actual),
          unit,
          period: row ? t('ytdThrough', { month: formatMonth(String(row.as_of), lang) }) : '',
          status: hasTarget ? ((row?.status as string) ?? null) : null,
          share: hasTarget ? num(row?.share_achieved) : null,
          kind: 'annual',
        };
      }
      const rows = (await queryRows('talent-stock', { indicator: program.code })).rows;
      const inScope = region ? rows.filter((r) => r.region_code === region) : rows;
      const total = inScope.reduce((sum, r) => sum + (num(r.value) ?? 0), 0);
      return {
        program,
        value: inScope.length ? total : null,
        unit,
        period: rows[0] ? String(rows[0].year) : '',
        status: null,
        share: null,
        kind: 'level',
      };
    }),
  );
  const multiRows = multi?.rows ?? [];
  const table: Row[] = headlines.map((hl) => ({
    action_code: hl.program.action,
    program_code: hl.program.code,
    value: hl.value,
    unit: hl.unit,
    period: hl.period,
    annual_status: hl.status,
    multi_year_status: (multiRows.find((m) => m.program_code === hl.program.code)?.status as string) ?? null,
  }));
  const summaries: string[] = [];
  const draw = () =>
    h(
      'div',
      { class: 'actions-grid' },
      refs.actions.map((action, index) => {
        const mine = table.filter((r) => r.action_code === action.code);
        const status = worstStatus(mine.flatMap((r) => [r.annual_status, r.multi_year_status]));
        return h(
          'article',
          { class: 'action-card', 'data-action': action.code },
          h(
            'header',
            {},
            h('span', { class: 'action-seq', 'aria-hidden': 'true' }, String(index + 1)),
            h('h3', {}, nameIn(action, lang)),
            statusBadge(status, t),
          ),
          mine.length
            ? h(
                'ul',
                { class: 'action-programs' },
                mine.map((r) => {
                  const program = refs.programs.find((p) => p.code === r.program_code)!;
                  const own = r.annual_status ?? r.multi_year_status;
                  return h(
                    'li',
                    {},
                    h('span', { class: 'program-name' }, nameIn(program, lang)),
                    h('span', { class: 'program-value' }, r.value === null ? '–' : `${f.number(r.value as number)} ${r.unit}`),
                    h('span', { class: 'program-period' }, String(r.period ?? '')),
                    own ? statusBadge(own, t) : null,
                  );
                }),
              )
            : h('p', { class: 'muted' }, t('noProgrammes')),
        );
      }),
    );
  for (const action of refs.actions) {
    const status = worstStatus(table.filter((r) => r.action_code === action.code).flatMap((r) => [r.annual_status, r.multi_year_status]));
    summaries.push(`${nameIn(action, lang)}${pn(lang).colon}${statusText(status, t)}`);
  }
  return {
    summary: `${t('actionsSummary')} ${summaries.join(pn(lang).semi)}`,
    interactive: false,
    table: { columns: Object.keys(table[0] ?? {}).map((k) => ({ key: k, label: k })), rows: table },
    draw,
  };
}

function multiYearView(result: ResultSet, ctx: PageContext): ChartView | null {
  const { t, lang } = ctx;
  const f = numberFormats(lang);
  const rows = result.rows.filter((r) => num(r.target) !== null);
  if (!rows.length) return null;
  const bullets: BulletRow[] = rows.map((r) => {
    const target = num(r.target)!;
    const unit = String((lang === 'zh' ? r.unit_zh : r.unit_en) ?? '');
    const expected = num(r.expected_to_date);
    return {
      label: `${lang === 'zh' ? r.name_zh : r.name_en}${pn(lang).open}${r.period_start}–${r.period_end}${pn(lang).close}`,
      achieved: num(r.share_achieved) ?? (num(r.cumulative_actual) ?? 0) / target,
      expected: expected === null || r.aggregation === 'last' ? null : expected / target,
      color: isStatus(r.status) ? statusStyles[r.status].color : '#9aa5b1',
      note: `${isStatus(r.status) ? statusStyles[r.status].symbol : ''} ${statusText(r.status, t)}`,
      detail: [
        `${t('cumulativeActual')}${pn(lang).colon}${f.number(num(r.cumulative_actual) ?? NaN)} ${unit}`,
        `${t('target')}${pn(lang).colon}${f.number(target)} ${unit}`,
        `${t('pace')}${pn(lang).colon}${formatRatio(num(r.pace))}`,
        num(r.required_annual_growth) !== null
          ? `${t('growthObservedRequired')}${pn(lang).colon}${formatPercent(num(r.observed_annual_growth))} / ${formatPercent(num(r.required_annual_growth))}`
          : null,
        `${t('statusLabel')}${pn(lang).colon}${statusText(r.status, t)}`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  });
  const summary = `${t('multiYearTitle')}${pn(lang).colon}${bullets.map((b) => `${b.label} ${formatPercent(b.achieved)}${pn(lang).open}${b.note.trim()}${pn(lang).close}`).join(pn(lang).semi)}`;
  return {
    summary,
    table: resultTable(result),
    draw: (width) =>
      bulletChart(bullets, {
        width,
        labels: { achieved: t('shareAchievedByStatus'), expected: t('expectedToDate'), target: t('target') },
        axis: t('shareOfTarget'),
        achievedColor: '#9aa5b1',
      }),
  };
}

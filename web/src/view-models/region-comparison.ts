import type { QueryRows } from '../../../queries/contract.js';
import type { ComparisonPanel } from '../charts/comparison-panels.js';
import type { Province } from '../data/references.js';
import type { ResultSet } from '../decode.js';
import { formatRatio, pn } from '../i18n/format.js';
import { unitOf } from '../i18n/index.js';
import { num, numberFormats, resultTable, type CardModel, type Locale } from './common.js';
import { indicatorLabel, indicatorPeriod, indicatorPeriods, indicators, isRatio, provinceShort, rankText, valueText } from './regions.js';

export interface RegionComparisonModel extends CardModel {
  /** The provinces' labels in the order chosen (the bars' order and colours). */
  order: string[];
  panels: ComparisonPanel[];
  /** The name of the dashed reference line. */
  reference: string;
}

/** Provinces side by side: one panel per indicator, a bar per province, the nation as the reference. */
export function regionComparisonModel(
  result: ResultSet<QueryRows['region-comparison']>,
  { lang, t, provinces, regions }: Locale & { provinces: readonly Province[]; regions: readonly string[] },
): RegionComparisonModel | null {
  if (!result.rows.length) return null;
  const p = pn(lang);
  const order = regions.map((code) => provinceShort(provinces, code, lang));
  const compact = numberFormats(lang).compact;
  const panels = indicators
    .map((indicator) => result.rows.filter((r) => r.indicator === indicator))
    .filter((rows) => rows.length)
    .map((rows): ComparisonPanel => {
      const indicator = rows[0].indicator;
      const title = indicatorLabel(indicator, t);
      // On the same basis as a province's value: the national rate, or for a count the average per province.
      const national = num(rows[0].national_value);
      const nation = rows[0].national_basis === 'province_average' ? t('nationAverage') : t('nation');
      const period = indicatorPeriod(rows[0], lang);
      return {
        title: [title, period].filter(Boolean).join(' · '),
        unit: unitOf(rows[0], lang),
        reference: national,
        tick: (v) => (isRatio(indicator) ? formatRatio(v, 1) : compact(v)),
        bars: rows.map((r) => {
          const region = provinceShort(provinces, String(r.region_code), lang);
          const value = num(r.value);
          return {
            label: region,
            value,
            text: value === null ? '–' : `${valueText(indicator, value, lang)}  #${num(r.rank) ?? '–'}`,
            tip: [
              `${region} · ${title}`,
              `${valueText(indicator, value, lang)} ${unitOf(r, lang)}`,
              `${nation}${p.colon}${valueText(indicator, national, lang)}`,
              rankText(num(r.rank), t),
            ].join('\n'),
          };
        }),
      };
    });
  const leaders = indicators
    .map((indicator) => {
      const best = result.rows
        .filter((r) => r.indicator === indicator && num(r.value) !== null)
        .sort((a, b) => (num(b.value) ?? 0) - (num(a.value) ?? 0))[0];
      return best ? `${indicatorLabel(indicator, t)}${p.colon}${provinceShort(provinces, String(best.region_code), lang)}` : '';
    })
    .filter(Boolean);
  return {
    summary: t('comparisonSummary', { regions: order.join(p.list), items: leaders.join(p.semi) }),
    table: resultTable(result),
    period: indicatorPeriods(
      indicators.flatMap((i) => result.rows.filter((r) => r.indicator === i).slice(0, 1)),
      lang,
    ),
    order,
    panels,
    reference: t('nation'),
  };
}

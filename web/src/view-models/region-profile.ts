import type { QueryRows } from '../../../queries/contract.js';
import type { ProfileItem, ProfileLegend } from '../charts/index-profile.js';
import type { ResultSet } from '../decode.js';
import { pn } from '../i18n/format.js';
import { MISSING } from '../ui/missing.js';
import { nameOf, unitOf, type MessageKey } from '../i18n/index.js';
import { denominatorFootnote, num, resultTable, type CardModel, type Locale } from './common.js';
import { indicatorLabel, indicatorPeriod, indicatorPeriods, rankText, valueText } from './regions.js';

const macroKeys: Record<string, MessageKey> = {
  east: 'macroEast',
  central: 'macroCentral',
  west: 'macroWest',
  northeast: 'macroNortheast',
};

export interface RegionProfileModel extends CardModel {
  items: ProfileItem[];
  legend: ProfileLegend;
  /** Said under the chart: which indicators' national value is the average per province (null: none). */
  footnote: string | null;
}

/** A value as an index of the national one (nation = 100); null without a value or a national value. */
export const indexOf = (value: number | null, national: number | null): number | null =>
  value === null || !national ? null : (value / national) * 100;

/** Each indicator of a province as an index (nation = 100), with its macro-region's median and its rank. */
export function regionProfileModel(result: ResultSet<QueryRows['region-profile']>, { lang, t }: Locale): RegionProfileModel | null {
  const rows = result.rows;
  if (!rows.length) return null;
  const p = pn(lang);
  const items: ProfileItem[] = rows.map((r) => {
    const label = indicatorLabel(r.indicator, t);
    const value = num(r.value);
    const median = num(r.macro_region_median);
    const national = num(r.national_value);
    const rank = rankText(num(r.rank), t);
    const unit = unitOf(r, lang);
    const period = indicatorPeriod(r, lang);
    const nation = r.national_basis === 'province_average' ? t('nationAverage') : t('nation');
    return {
      label,
      heading: `${label}  ${rank}`,
      note: [value === null ? MISSING : `${valueText(r.indicator, value, lang)} ${unit}`, period].filter(Boolean).join(' · '),
      value: indexOf(value, national),
      median: indexOf(median, national),
      tip: [
        [label, period].filter(Boolean).join(' · '),
        `${t('thisProvince')}${p.colon}${value === null ? t('noDataReported') : `${valueText(r.indicator, value, lang)} ${unit}`}`,
        `${t('macroMedian')}${p.colon}${valueText(r.indicator, median, lang)}`,
        `${nation}${p.colon}${valueText(r.indicator, national, lang)}`,
        rank,
      ].join('\n'),
    };
  });
  const said = rows.map(
    (r, i) => `${items[i].label} ${valueText(r.indicator, num(r.value), lang)}${p.open}${rankText(num(r.rank), t)}${p.close}`,
  );
  const macro = String(rows[0].macro_region ?? '');
  const macroName = macroKeys[macro] ? t(macroKeys[macro]) : macro;
  const averaged = rows.filter((r) => r.national_basis === 'province_average').map((r) => indicatorLabel(r.indicator, t));
  const footnote = averaged.length ? t('profileFootnoteAverage', { indicators: averaged.join(p.list) }) : null;
  const summary = t('profileSummary', { region: nameOf(rows[0], lang), items: said.join(p.semi) });
  return {
    summary: footnote ? `${summary} ${footnote}` : summary,
    table: resultTable(result),
    period: indicatorPeriods(rows, lang),
    footnote,
    sourceNote: denominatorFootnote(rows, lang),
    items,
    legend: {
      subject: t('thisProvince'),
      median: `${t('macroMedian')}${p.open}${macroName}${p.close}`,
      baseline: t('nationIs100'),
    },
  };
}

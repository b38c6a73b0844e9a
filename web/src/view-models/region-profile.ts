import type { QueryRows } from '../../../queries/contract.js';
import type { ProfileItem, ProfileLegend } from '../charts/index-profile.js';
import type { ResultSet } from '../decode.js';
import { pn } from '../i18n/format.js';
import { nameOf, unitOf, type MessageKey } from '../i18n/index.js';
import { num, resultTable, type CardModel, type Locale } from './common.js';
import { indicatorLabel, rankText, valueText } from './regions.js';

const macroKeys: Record<string, MessageKey> = {
  east: 'macroEast',
  central: 'macroCentral',
  west: 'macroWest',
  northeast: 'macroNortheast',
};

export interface RegionProfileModel extends CardModel {
  items: ProfileItem[];
  legend: ProfileLegend;
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
    return {
      label,
      heading: `${label}  ${rank}`,
      note: value === null ? '–' : `${valueText(r.indicator, value, lang)} ${unit}`,
      value: indexOf(value, national),
      median: indexOf(median, national),
      tip: [
        `${label}${p.open}${r.period ?? ''}${p.close}`,
        `${t('thisProvince')}${p.colon}${valueText(r.indicator, value, lang)} ${unit}`,
        `${t('macroMedian')}${p.colon}${valueText(r.indicator, median, lang)}`,
        `${t('nation')}${p.colon}${valueText(r.indicator, national, lang)}`,
        rank,
      ].join('\n'),
    };
  });
  const said = rows.map(
    (r, i) => `${items[i].label} ${valueText(r.indicator, num(r.value), lang)}${p.open}${rankText(num(r.rank), t)}${p.close}`,
  );
  const macro = String(rows[0].macro_region ?? '');
  const macroName = macroKeys[macro] ? t(macroKeys[macro]) : macro;
  return {
    summary: t('profileSummary', { region: nameOf(rows[0], lang), items: said.join(p.semi) }),
    table: resultTable(result),
    items,
    legend: {
      subject: t('thisProvince'),
      median: `${t('macroMedian')}${p.open}${macroName}${p.close}`,
      baseline: t('nationIs100'),
    },
  };
}

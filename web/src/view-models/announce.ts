import type { References } from '../data/references.js';
import { formatMonth, formatQuarter, type Lang } from '../i18n/format.js';
import { nameOf, type Translate } from '../i18n/index.js';

/** The filters whose change a screen reader hears about, in the order they are said. */
const spoken = ['province', 'prefecture', 'year', 'quarter', 'as_of', 'program', 'field', 'zone', 'competition', 'group'] as const;

/**
 * What a filter change did, for the page's live region: "已更新：2025年 甘肃省" / "Updated: 2025 Gansu". Each
 * changed filter is said by its value in words (a province by name, a year as a year); a cleared one by what it
 * falls back to (the nation, the latest year). Null when no spoken filter changed.
 */
export function describeFilterChange(
  previous: Readonly<Record<string, string>>,
  next: Readonly<Record<string, string>>,
  refs: References,
  lang: Lang,
  t: Translate,
): string | null {
  const named = (list: readonly { code: string; name_zh: string; name_en: string }[], code: string) => {
    const item = list.find((x) => x.code === code);
    return item ? nameOf(item, lang) : code;
  };
  const words = (key: (typeof spoken)[number], value: string): string => {
    switch (key) {
      case 'province':
        return value ? named(refs.provinces, value) : t('nation');
      case 'year':
        return value ? (lang === 'zh' ? `${value}年` : value) : t('latestYear');
      case 'quarter':
        return value ? formatQuarter(value, lang) : t('latestYear');
      case 'as_of':
        return value ? formatMonth(value, lang) : t('latestYear');
      case 'program':
        return named(refs.programs, value || 'vocational_training');
      case 'field':
        return value ? named(refs.fields, value) : t('allFields');
      case 'zone':
        return value ? named(refs.zones, value) : t('nation');
      case 'competition':
        return value ? named(refs.competitions, value) : t('allCompetitions');
      case 'group':
        return value ? named(refs.groups, value) : t('allGroups');
      default:
        return value;
    }
  };
  const changes = spoken.filter((key) => (previous[key] ?? '') !== (next[key] ?? '')).map((key) => words(key, next[key] ?? ''));
  return changes.length ? t('announceUpdated', { changes: changes.join(' ') }) : null;
}

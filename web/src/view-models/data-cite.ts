import type { Bilingual } from '../../../core/bilingual.js';
import { formatExact, type Lang } from '../i18n/format.js';
import { pick, type Translate } from '../i18n/index.js';
import type { Licence, RowSource } from './data-catalog.js';

/** What a citation of the current selection names. */
export interface CiteSource {
  title: Bilingual;
  /** The catalog name ('training'). */
  name: string;
  /** The data version: the live snapshot's id ('20261130T033656671-7cef'). */
  snapshot: string;
  /** The absolute URL of the request, the one the download buttons use (they add only `format`). */
  url: string;
  /** The day the data were read, 'YYYY-MM-DD'. */
  accessed: string;
  licence: Licence | null;
  sources: readonly RowSource[];
  /** Whether every row is synthetic (for analytics, judged from the snapshot's sources). */
  synthetic: boolean;
}

/** The day a snapshot was published, from its id ('20261130T…' → '2026-11-30'), or null. */
export function versionDate(snapshot: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})T/.exec(snapshot);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

function licenceText(source: CiteSource, t: Translate): string {
  if (source.licence) return `${source.licence.name} (${source.licence.title}, ${source.licence.path})`;
  if (!source.sources.length) return t('dataLicenceNone');
  return t('dataLicencePerSource', { list: source.sources.map((s) => `${s.name ?? s.title}: ${s.licence.name}`).join('; ') });
}

function syntheticText(source: CiteSource, t: Translate): string | null {
  if (source.synthetic) return t('dataSyntheticNote');
  const rows = source.sources.filter((s) => s.synthetic).reduce((sum, s) => sum + (s.rows ?? 0), 0);
  return rows ? t('dataSyntheticSome', { rows: formatExact(rows, 0) }) : null;
}

/** A citation to paste into a text: title, product, data version, its date, the request, access date, licence. */
export function citeText(source: CiteSource, lang: Lang, t: Translate): string {
  const date = versionDate(source.snapshot);
  const sep = lang === 'zh' ? '。' : '. ';
  const parts = [
    `${pick(source.title, lang)} (${source.name})`,
    t('dataProduct'),
    `${t('dataVersionLabel')} ${source.snapshot}${date ? ` (${date})` : ''}`,
    `${t('dataRequestUrl')}: ${source.url}`,
    `${t('dataAccessed')} ${source.accessed}`,
    `${t('dataLicence')}: ${licenceText(source, t)}`,
  ];
  const synthetic = syntheticText(source, t);
  return parts.join(sep) + sep.trim() + (synthetic ? ` ${synthetic}` : '');
}

/** Text inside a BibTeX field: braces balanced, TeX's special characters escaped. */
function bibEscape(text: string): string {
  return text.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1');
}

/** The same citation as a BibTeX @misc entry (the URL in \url{}, which takes it as it is). */
export function citeBibtex(source: CiteSource, lang: Lang, t: Translate): string {
  const date = versionDate(source.snapshot);
  const key = `talent-dashboard-${source.name}-${source.snapshot.replace(/[^0-9A-Za-z]/g, '')}`;
  const note = [`${t('dataLicence')}: ${licenceText(source, t)}`, syntheticText(source, t)]
    .filter(Boolean)
    .join(lang === 'zh' ? '。' : '. ');
  const fields: [string, string][] = [
    ['title', `{${bibEscape(`${pick(source.title, lang)} (${source.name})`)}}`],
    ['author', `{${bibEscape(t('dataProduct'))}}`],
    ...(date
      ? ([
          ['year', date.slice(0, 4)],
          ['date', date],
        ] as [string, string][])
      : []),
    ['version', bibEscape(source.snapshot)],
    ['howpublished', `\\url{${source.url}}`],
    ['url', source.url],
    ['urldate', source.accessed],
    ['note', bibEscape(note)],
  ];
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(12)} = {${value}}`).join(',\n')}\n}`;
}

import { bannerNames, countyNames, ethnicGroups, prefectureNames, stemReadings } from './name-overrides.js';
import type { EnglishNamer, NameInput } from './region-rows.js';

/** Romanises Chinese characters to pinyin syllables without tones, e.g. '保定' → ['bao', 'ding']. */
export type Syllabify = (hanzi: string) => string[];

/** Special zones (codes xxxx7x): Chinese suffix → English, longest first. */
const zoneSuffixes: readonly [string, string][] = [
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['高新技术产业园区', 'High-tech Industrial Park'],
  ['高新技术开发区', 'High-tech Development Zone'],
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['城乡一体化示范区', 'Urban-Rural Integration Demonstration Zone'],
  ['综合物流产业聚集区', 'Integrated Logistics Industry Cluster'],
  ['文化旅游创意园区', 'Cultural Tourism and Creative Park'],
  ['现代产业园区', 'Modern Industrial Park'],
  ['循环化工园区', 'Circular Chemical Industry Park'],
  ['管理区管委会', 'Administrative Zone'],
  ['经济开发区', 'Economic Development Zone'],
  ['风景名胜区', 'Scenic Area'],
  ['工业园区', 'Industrial Park'],
  ['管理区', 'Administrative Zone'],
  ['开发区', 'Development Zone'],
  ['示范区', 'Demonstration Zone'],
  ['新区', 'New Area'],
  ['新城', 'New Town'],
];

/**
 * Ordinary suffixes, longest first; 自治州/自治县 are handled with their ethnic groups. 林区 and 新区
 * are not here: most names ending so are X林+区 or X新+区 (碑林区, 清新区); the real ones are overrides.
 */
const suffixes: readonly [string, string][] = [
  ['特区', 'Special District'],
  ['地区', 'Prefecture'],
  ['区', 'District'],
  ['县', 'County'],
  ['盟', 'League'],
];

const wholeNames: Readonly<Record<string, string>> = { 城区: 'Urban District', 郊区: 'Suburban District', 矿区: 'Mining District' };

const ethnicByLength = Object.keys(ethnicGroups).sort((a, b) => b.length - a.length);

/** Builds the English-name rule from a syllabifier (pinyin-pro in gen-names-en.ts, a stub in tests). */
export function englishNamer(syllabify: Syllabify): EnglishNamer {
  const word = (hanzi: string): string => stemReadings[hanzi] ?? joinSyllables(readings(hanzi, syllabify));
  return (unit) => prefectureNames[unit.code] ?? countyNames[unit.code] ?? nameByRule(unit, word);
}

/** Characters whose place-name reading differs from their most common one. */
const placeReadings: Readonly<Record<string, string>> = { 都: 'du', 大: 'da', 什: 'shi', 棱: 'ling' };

function readings(hanzi: string, syllabify: Syllabify): string[] {
  const chars = [...hanzi];
  const syllables = syllabify(hanzi);
  if (syllables.length !== chars.length) throw new Error(`"${hanzi}": expected one syllable per character, got ${syllables.join(' ')}`);
  return syllables.map((s, i) => placeReadings[chars[i]] ?? s);
}

/** 'bao','ding' → 'Baoding'; a syllable starting with a vowel after another gets an apostrophe (Xi'an). */
export function joinSyllables(syllables: readonly string[]): string {
  const text = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function nameByRule(unit: NameInput, word: (hanzi: string) => string): string {
  const name = unit.nameZh;
  if (bannerNames[name]) return bannerNames[name];
  if (wholeNames[name]) return wholeNames[name];
  if (/^\d{4}7\d$/.test(unit.code)) return zoneName(unit, word);
  for (const kind of ['自治州', '自治县'] as const) {
    if (name.endsWith(kind))
      return autonomous(name.slice(0, -kind.length), kind === '自治州' ? 'Autonomous Prefecture' : 'Autonomous County', word);
  }
  if (name.endsWith('市')) return unit.level === 'prefecture' ? word(name.slice(0, -1)) : `${word(name.slice(0, -1))} City`;
  for (const [zh, en] of suffixes) if (name.endsWith(zh) && name.length > zh.length) return `${word(name.slice(0, -zh.length))} ${en}`;
  throw new Error(`no English-name rule for ${unit.code} ${name}: add it to name-overrides.ts`);
}

/** '大厂回族' → 'Dachang Hui'; '积石山保安族东乡族撒拉族' → 'Jishishan Bonan, Dongxiang and Salar'. */
function autonomous(head: string, kind: string, word: (hanzi: string) => string): string {
  const groups: string[] = [];
  let stem = head;
  const last = (): string | undefined => ethnicByLength.find((g) => stem.endsWith(g));
  for (let group = last(); group; group = last()) {
    groups.unshift(ethnicGroups[group]);
    stem = stem.slice(0, -group.length);
  }
  if (groups.length === 0) throw new Error(`no ethnic group found in "${head}"`);
  const list = groups.length === 1 ? groups[0] : `${groups.slice(0, -1).join(', ')} and ${groups.at(-1)}`;
  return stem === '' ? `${list} ${kind}` : `${word(stem)} ${list} ${kind}`;
}

/** Special zones: '河北唐山芦台经济开发区' → 'Hebei Tangshan Lutai Economic Development Zone'. */
function zoneName(unit: NameInput, word: (hanzi: string) => string): string {
  const suffix = zoneSuffixes.find(([zh]) => unit.nameZh.endsWith(zh));
  if (!suffix) throw new Error(`no zone suffix for ${unit.code} ${unit.nameZh}: add it to english-names.ts`);
  let rest = unit.nameZh.slice(0, -suffix[0].length);
  const parts: string[] = [];
  const province = unit.provinceZh.replace(/(省|市|(壮族|回族|维吾尔)?自治区)$/, '');
  const prefecture = (unit.prefectureZh ?? '').replace(/市$/, '');
  // A prefecture with a bare English override (Lhasa, Hohhot) keeps it; others are romanised.
  const prefectureEn = prefectureNames[unit.prefectureCode ?? ''];
  const english = (prefix: string): string =>
    prefix === prefecture && prefectureEn && !prefectureEn.includes(' ') ? prefectureEn : word(prefix);
  for (const prefix of [province, prefecture]) {
    if (prefix && rest.startsWith(prefix)) {
      parts.push(english(prefix));
      rest = rest.slice(prefix.length).replace(/^市/, '');
    }
  }
  if (rest) parts.push(word(rest));
  return [...parts, suffix[1]].join(' ');
}

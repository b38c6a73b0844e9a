import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../../core/sql-text.js';
import { queryRows } from '../db.js';
import { fold } from './vocabulary.js';

/** One row of a reference table, as names resolve to it. */
export type NamedEntry = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  /** Regions only. */
  parent?: string | null;
  province?: string;
};

export interface Candidate {
  code: string;
  /** Where it is: 北京市朝阳区 (regions), or its name. */
  place: string;
}

export type Resolution =
  | { kind: 'found'; code: string; how: 'code' | 'name' | 'short name' | 'English name' }
  | { kind: 'ambiguous'; candidates: Candidate[] }
  | { kind: 'unknown'; elsewhere: Candidate[] };

const ethnicNames =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
// The peoples named before 自治…, with 族 (临夏回族自治州) or, in a few names, without (新疆维吾尔自治区).
const autonomousTail = [
  new RegExp(`^(?:(?:${ethnicNames})族)+自治(州|县|旗|区)$`),
  new RegExp(`^(?:(?:${ethnicNames})族?)+自治(州|县|旗|区)$`),
];

/** The place name before the peoples of an autonomous area (at least two characters), and its kind. */
function autonomousPlace(name: string): [string, string] | null {
  for (const tail of autonomousTail) {
    for (let i = 2; i < name.length; i++) {
      const m = tail.exec(name.slice(i));
      if (m) return [name.slice(0, i), m[1]];
    }
  }
  return null;
}

/** Common short forms of a region's name: 兰州市 → 兰州; 临夏回族自治州 → 临夏州, 临夏; 广西壮族自治区 → 广西. */
export function regionShortNames(name: string): string[] {
  const forms = new Set<string>();
  const auto = autonomousPlace(name);
  if (auto) {
    forms.add(auto[0]);
    if (auto[1] !== '区') forms.add(auto[0] + auto[1]);
  }
  const plain = auto ? null : /^(.+?)(特别行政区|自治区|省|市|地区|盟|自治州|县|区|旗)$/.exec(name);
  if (plain) forms.add(plain[1]);
  return [...forms].filter((f) => f.length >= 2 && f !== name);
}

/** Names without their bracketed qualifier: 通用（不分领域） → 通用. */
const unbracketed = (name: string): string => name.replace(/\s*[（(][^（()）]*[)）]\s*$/, '');

/** Resolves the names of one reference table to its codes. */
export class NameIndex {
  private readonly byCode = new Map<string, NamedEntry>();
  private readonly full = new Map<string, Set<string>>();
  private readonly short = new Map<string, Set<string>>();
  private readonly english = new Map<string, Set<string>>();

  constructor(
    readonly table: string,
    entries: readonly NamedEntry[],
  ) {
    const add = (map: Map<string, Set<string>>, key: string, code: string) => {
      const k = fold(key);
      if (k) map.set(k, (map.get(k) ?? new Set()).add(code));
    };
    for (const e of entries) {
      this.byCode.set(e.code, e);
      add(this.full, e.nameZh, e.code);
      if (e.nameEn) add(this.english, e.nameEn, e.code);
      const shorts = table === 'region' ? regionShortNames(e.nameZh) : [unbracketed(e.nameZh)].filter((n) => n !== e.nameZh);
      for (const s of shorts) add(this.short, s, e.code);
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Where a code is, for messages: 620100 兰州市 → 甘肃省兰州市. */
  place(code: string): string {
    const entry = this.byCode.get(code);
    if (!entry) return code;
    if (this.table !== 'region') return entry.nameZh;
    const names: string[] = [];
    for (let e: NamedEntry | undefined = entry; e; e = e.parent ? this.byCode.get(e.parent) : undefined) {
      if (names[0] !== e.nameZh) names.unshift(e.nameZh);
    }
    return names.join('');
  }

  private candidates(codes: Iterable<string>): Candidate[] {
    return [...codes].sort().map((code) => ({ code, place: this.place(code) }));
  }

  /** Drops a region whose ancestor is also a candidate (北京市 the province over 北京市 the municipality's prefecture). */
  private outermost(codes: Set<string>): Set<string> {
    if (this.table !== 'region') return codes;
    const ancestors = (code: string) => {
      const out: string[] = [];
      for (let p = this.byCode.get(code)?.parent; p; p = this.byCode.get(p)?.parent) out.push(p);
      return out;
    };
    return new Set([...codes].filter((c) => !ancestors(c).some((a) => codes.has(a))));
  }

  /** A cell's text → a code: by code, full name, English name, then short name; within the province when one is given. */
  resolve(text: string, province: string | null = null): Resolution {
    const trimmed = text.trim();
    if (this.byCode.has(trimmed)) return { kind: 'found', code: trimmed, how: 'code' };
    const key = fold(trimmed);
    const inScope = (c: string) => province === null || this.byCode.get(c)?.province === province;
    let elsewhere: string[] = [];
    for (const [map, how] of [
      [this.full, 'name'],
      [this.english, 'English name'],
      [this.short, 'short name'],
    ] as const) {
      const all = map.get(key);
      if (!all) continue;
      const codes = this.outermost(new Set([...all].filter(inScope)));
      if (codes.size === 1) return { kind: 'found', code: [...codes][0], how };
      if (codes.size > 1) return { kind: 'ambiguous', candidates: this.candidates(codes) };
      elsewhere = elsewhere.length ? elsewhere : [...all];
    }
    return { kind: 'unknown', elsewhere: this.candidates(elsewhere) };
  }

  /** The entries whose name (full or short) occurs in a text, keeping only the longest matches. */
  namedIn(text: string, levels?: (code: string) => boolean): { codes: string[]; name: string } | null {
    const haystack = fold(text);
    let best: { codes: Set<string>; name: string } | null = null;
    for (const map of [this.full, this.short]) {
      for (const [name, codes] of map) {
        if (name.length < 2 || !haystack.includes(name)) continue;
        const kept = [...codes].filter((c) => !levels || levels(c));
        if (!kept.length) continue;
        if (!best || name.length > best.name.length) best = { codes: new Set(kept), name };
        else if (name.length === best.name.length) for (const c of kept) best.codes.add(c);
      }
    }
    return best ? { codes: [...this.outermost(best.codes)], name: best.name } : null;
  }

  isProvince(code: string): boolean {
    const e = this.byCode.get(code);
    return e !== undefined && e.province === code;
  }
}

/** The reference tables a report's names resolve against, with their code column. */
export const namedTables: Readonly<Record<string, string>> = {
  region: 'region_code',
  program: 'program_code',
  field: 'field_code',
  occupation: 'occupation_code',
  competition_event: 'competition_code',
};

export type ReferenceNames = ReadonlyMap<string, NameIndex>;

/** Reads the names of every reference table from the snapshot being built. */
export async function loadReferenceNames(connection: DuckDBConnection): Promise<ReferenceNames> {
  const indexes = new Map<string, NameIndex>();
  for (const [table, code] of Object.entries(namedTables)) {
    const regional = table === 'region' ? ', parent_code AS parent, province_code AS province' : '';
    const rows = await queryRows<NamedEntry>(
      connection,
      `SELECT ${quoteIdent(code)} AS code, name_zh AS "nameZh", name_en AS "nameEn"${regional} FROM ${quoteIdent(table)}`,
    );
    indexes.set(table, new NameIndex(table, rows));
  }
  return indexes;
}

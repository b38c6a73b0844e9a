/** The words of statistical report forms (统计报表): headers, units, periods, total and footnote lines. */

/** Folds text for matching: full-width → half-width, case, spaces, underscores, hyphens and brackets. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）[\]【】:：、]/g, '');
}

/** Headers of a column that names (or codes) the rows of a reference table, besides the dataset's own aliases. */
export const labelHeaders: Readonly<Record<string, readonly string[]>> = {
  region: [
    '地区',
    '地区名称',
    '地市',
    '市州',
    '市(州)',
    '地市州',
    '单位',
    '单位名称',
    '行政区划',
    '区县',
    '县区',
    '县(市、区)',
    '省份',
    '省(区、市)',
    '地区名',
    'region name',
  ],
  program: ['项目', '项目名称', '培训项目', '工程项目', 'programme', 'program name'],
  field: ['领域', '领域名称', '培训领域', '重点领域', '专业领域', 'field name'],
  occupation: ['职业', '职业名称', '职业(工种)', '工种', '岗位', 'occupation name'],
  competition_event: ['赛事', '赛事名称', '竞赛名称', 'competition name'],
};

/** Headers of a column that names the indicator or measure of each row (datasets with more than one measure). */
export const measureLabelHeaders = ['指标', '指标名称', '统计指标', '项目指标', 'measure', 'indicator'];

/** Report synonyms of measure headers, besides the dataset's own aliases. */
export const measureHeaders: Readonly<Record<string, readonly string[]>> = {
  person_times: ['培训人次', '人次', '培训规模'],
  participants: ['培训人数', '参训人数', '人数'],
  certificates: ['取证人数', '获证人数', '发证数', '证书数', '取得证书人数'],
  funding_cny: ['资金', '培训资金', '补贴资金', '资金投入', '经费', '培训经费'],
  vacancies: ['需求人数', '岗位需求数', '招聘人数', '需求'],
  job_seekers: ['求职人数', '求职者人数', '求职'],
  value: ['数值', '数量', '值'],
};

export const ignoredHeaders = ['序号', '编号', '行次', '栏次', '备注', '说明', '计量单位', '单位(人)', '代码'];

/** A label such as 合计, 总计, 全省, 小计, 甘肃省合计. */
export function totalKind(label: string): 'subtotal' | 'total' | null {
  const text = label.replace(/[\s\u3000:：]/g, '');
  if (/^(.{0,12})小计$/.test(text)) return 'subtotal';
  if (/^全[省市州区县盟国](合计|总计)?$/.test(text) || /^.{0,12}(合计|总计|汇总|共计|总数)$/.test(text)) return 'total';
  return null;
}

/** A header of a column that sums the others of its row: 合计, 全年, 累计 … */
export const isTotalHeader = (header: string): boolean => /^(合计|总计|小计|全年|全年合计|累计|共计|年度合计|汇总)$/.test(fold(header));

/** Lines after the data: notes, signatures, dates. */
export const isFootnote = (text: string): boolean =>
  /^(注|说明|备注|填表|制表|审核|负责人|单位负责人|统计负责人|填报人|联系|报出|填报日期|数据来源|资料来源|[*※]|\d+[.、．)）])/.test(
    text.trim(),
  );

export interface UnitToken {
  text: string;
  /** Power of ten the declared unit stands for: 万人次 → 4. */
  exponent: number;
  /** Base unit (人次, 人, 元 …), or null for a bare multiplier (单位：万). */
  base: string | null;
}

const prefixes: readonly [string, number][] = [
  ['千万', 7],
  ['百万', 6],
  ['十万', 5],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
];
const bases = ['人次', '人', '名', '元', '本', '张', '份', '个', '枚', '家', '项', '次', '场', '户', '所', '处', '套', '座'];
const sameBase: Readonly<Record<string, string>> = { 名: '人', 张: '本', 份: '本' };

/** 万人次 → {4, 人次}; 元 → {0, 元}; null when the text is not a unit. */
export function parseUnit(text: string): UnitToken | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  let rest = t;
  let exponent = 0;
  const prefix = prefixes.find(([p]) => rest.startsWith(p));
  if (prefix) {
    exponent = prefix[1];
    rest = rest.slice(prefix[0].length);
  }
  if (rest === '') return exponent > 0 ? { text: t, exponent, base: null } : null;
  if (!bases.includes(rest)) return null;
  return { text: t, exponent, base: sameBase[rest] ?? rest };
}

/** The unit tokens of a line such as 单位：人次、人、元 or 单位：元/万元 (null when the line declares no unit). */
export function unitLine(text: string): UnitToken[] | null {
  const match = /(?<!填报|报送|制表|统计|编制|填表|报告|主管)(?:计量)?单位\s*[：:]\s*(\S+)/.exec(
    text.normalize('NFKC').replace(/\u3000/g, ' '),
  );
  if (!match) return null;
  const tokens = match[1].split(/[、,，/／;；]/).filter(Boolean);
  const units = tokens.map(parseUnit);
  return units.every((u) => u !== null) ? (units as UnitToken[]) : null;
}

/** A header with its unit in brackets: 资金（万元） → {资金, 万元}. */
export function splitHeaderUnit(header: string): { base: string; unit: UnitToken | null } {
  const match = /^(.*?)\s*[（(]\s*([^（()）]+?)\s*[)）]$/.exec(header);
  if (!match) return { base: header, unit: null };
  const unit = parseUnit(match[2]);
  return unit ? { base: match[1], unit } : { base: header, unit: null };
}

export type PeriodType = 'month' | 'quarter' | 'year';

/** A period read from a header, title or file name; year null when the header gives only the month or quarter. */
export interface PeriodValue {
  type: PeriodType;
  year: number | null;
  /** Month 1–12 or quarter 1–4; null for a year. */
  part: number | null;
}

const quarterDigit = (q: string): number => ('一二三四'.indexOf(q) + 1 || Number(q)) as number;

/** A column header that is a period of the given type: 1月, 2025年1月, 2025-01, 一季度, 2025年第1季度, 2025Q1, 2024年. */
export function periodHeader(header: string, type: PeriodType): PeriodValue | null {
  const t = header.normalize('NFKC').replace(/\s/g, '');
  if (type === 'month') {
    const m = /^(?:(\d{4})年)?(\d{1,2})月份?$/.exec(t) ?? /^(\d{4})[-/.](\d{1,2})(?:[-/.]01)?$/.exec(t);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { type, year: m[1] ? Number(m[1]) : null, part: Number(m[2]) };
  }
  if (type === 'quarter') {
    const m = /^(?:(\d{4})年(?:度)?)?第?([一二三四1-4])季度?$/.exec(t) ?? /^(?:(\d{4})[-年]?)?Q([1-4])$/i.exec(t);
    if (m) return { type, year: m[1] ? Number(m[1]) : null, part: quarterDigit(m[2]) };
  }
  if (type === 'year') {
    const m = /^(\d{4})年度?$/.exec(t);
    if (m) return { type, year: Number(m[1]), part: null };
  }
  return null;
}

/** A period named in free text (a title or a file name), as precise as the text is. */
export interface TextPeriod {
  year: number;
  month?: number;
  quarter?: number;
  /** A span of months (2025年1-3月): cumulative figures, not one month's. */
  range?: string;
}

export function periodInText(text: string): TextPeriod | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  const range = /(\d{4})年(\d{1,2})[-—–~至到](\d{1,2})月/.exec(t);
  if (range) return { year: Number(range[1]), range: range[0] };
  const month =
    /(\d{4})年(\d{1,2})月/.exec(t) ?? /(?<!\d)(\d{4})[-_.](\d{1,2})(?![\d])/.exec(t) ?? /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(?!\d)/.exec(t);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return { year: Number(month[1]), month: Number(month[2]) };
  const quarter = /(\d{4})年(?:度)?第?([一二三四1-4])季度/.exec(t) ?? /(?<!\d)(\d{4})[-_]?Q([1-4])/i.exec(t);
  if (quarter) return { year: Number(quarter[1]), quarter: quarterDigit(quarter[2]) };
  const year = /(?<!\d)(\d{4})年/.exec(t) ?? /(?<!\d)(20\d{2})(?!\d)/.exec(t);
  return year ? { year: Number(year[1]) } : null;
}

/** The period as the dataset's parser reads it: 2025-03, 2025Q1, 2025. */
export function periodText(type: PeriodType, year: number, part: number | null): string {
  if (type === 'month') return `${year}-${String(part).padStart(2, '0')}`;
  if (type === 'quarter') return `${year}Q${part}`;
  return String(year);
}

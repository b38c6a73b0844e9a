/**
 * Number and period formatting for the two languages. Chinese groups large numbers in 万 (10^4) and 亿 (10^8);
 * English uses thousands separators, and K/M/B only where space is short (axis ticks, tiles).
 * Negative numbers use the typographic minus (−), as Plot's own ticks do.
 */
export type Lang = 'zh' | 'en';

const MINUS = '\u2212';
const grouping = new Map<number, Intl.NumberFormat>();

function grouped(value: number, digits: number): string {
  let format = grouping.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    grouping.set(digits, format);
  }
  return format.format(value);
}

/** Rounds to `digits` decimals and drops trailing zeros: 1.20 → '1.2', 3.00 → '3'. */
function trimmed(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

const signed = (value: number, body: (abs: number) => string): string => (value < 0 ? MINUS : '') + body(Math.abs(value));

/** Chinese magnitude: 1,234,567 → '123.5万', 120,000,000 → '1.2亿', 9,876 → '9,876'. */
function zhMagnitude(abs: number, smallDigits: number): string {
  if (abs < 1e4) return grouped(abs, smallDigits);
  const wan = Number((abs / 1e4).toFixed(1));
  if (wan < 1e4) return `${grouped(wan, 1)}万`;
  return `${grouped(Number((abs / 1e8).toFixed(2)), 2)}亿`;
}

/** A count or amount for reading: zh in 万/亿, en with thousands separators. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (lang === 'zh') return signed(value, (abs) => zhMagnitude(abs, digits));
  return signed(value, (abs) => grouped(abs, digits));
}

/** Every digit, grouped (tables, exact figures): 1234567 → '1,234,567' in both languages. */
export function formatExact(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return signed(value, (abs) => grouped(abs, digits));
}

/** Short form for ticks and tiles: zh '50万', '1.2亿'; en '500K', '1.2M', '3B'. */
export function formatCompact(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (lang === 'zh') {
    return signed(value, (abs) => {
      if (abs < 1e4) return trimmed(abs, abs < 10 ? 2 : abs < 100 ? 1 : 0);
      const wan = Number((abs / 1e4).toFixed(abs < 1e5 ? 1 : 0));
      return wan < 1e4 ? `${trimmed(wan, 1)}万` : `${trimmed(abs / 1e8, abs < 1e9 ? 2 : 1)}亿`;
    });
  }
  return signed(value, (abs) => {
    const steps: [number, string][] = [
      [1e9, 'B'],
      [1e6, 'M'],
      [1e3, 'K'],
    ];
    for (const [i, [size, suffix]] of steps.entries()) {
      if (abs < size) continue;
      const scaled = abs / size;
      const text = trimmed(scaled, scaled < 100 ? 1 : 0);
      // 999,950 rounds to 1000K: that is 1M.
      return Number(text) >= 1000 && i > 0 ? `1${steps[i - 1][1]}` : `${text}${suffix}`;
    }
    return trimmed(abs, abs < 10 ? 2 : abs < 100 ? 1 : 0);
  });
}

/** A share (0–1) as a percentage: 0.1234 → '12.3%'. */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return signed(share * 100, (abs) => `${abs.toFixed(digits)}%`);
}

/**
 * Rounds down at `digits` decimals (0.9451 → 0.94 at 2 digits). A figure printed beside a status is rounded down,
 * never to nearest, so that it never crosses the status's threshold on screen: a pace of 0.9451 is below the 0.95
 * of "on track" and must not read as 95%. Binary noise is ignored (0.29 × 100 is 28.999…96: it is 29).
 */
export function floorAt(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.floor(Number((value * scale).toPrecision(12))) / scale;
}

/** A share (or a pace) as a percentage rounded down, for figures beside a status: 0.9451 → '94%' (digits 0). */
export function formatPercentFloor(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return signed(floorAt(share * 100, digits), (abs) => `${abs.toFixed(digits)}%`);
}

/** A relative change (0.05 = +5%) with its sign: '+5.0%', '−3.2%', '0.0%'. */
export function formatChange(change: number | null | undefined, digits = 1): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '–';
  const text = formatPercent(change, digits);
  return change > 0 && Number((change * 100).toFixed(digits)) !== 0 ? `+${text}` : text.replace(`${MINUS}0.0%`, '0.0%');
}

/** A ratio such as vacancies per job seeker: 1.2345 → '1.23'. */
export function formatRatio(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return signed(value, (abs) => abs.toFixed(digits));
}

/** A signed whole-number change (rank moves): 3 → '+3', −2 → '−2', 0 → '0'. */
export function formatSignedInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value > 0 ? `+${value}` : signed(value, (abs) => String(abs));
}

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM' (or 'YYYY-MM-DD') → '2024年3月' / 'Mar 2024'. */
export function formatMonth(month: string | null | undefined, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})/.exec(month ?? '');
  if (!match) return month ?? '–';
  const m = Number(match[2]);
  return lang === 'zh' ? `${match[1]}年${m}月` : `${monthsEn[m - 1]} ${match[1]}`;
}

/** Month of year 1–12 → '3月' / 'Mar'. */
export function formatMonthOfYear(month: number, lang: Lang): string {
  return lang === 'zh' ? `${month}月` : (monthsEn[month - 1] ?? String(month));
}

/** 'YYYYQn' → '2024年第2季度' / '2024 Q2'. */
export function formatQuarter(quarter: string | null | undefined, lang: Lang): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter ?? '');
  if (!match) return quarter ?? '–';
  return lang === 'zh' ? `${match[1]}年第${match[2]}季度` : `${match[1]} Q${match[2]}`;
}

/** A phrase at the start of a line or sentence: its first letter in capitals ('through Oct 2026' → 'Through Oct 2026'). */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Punctuation in running text: full-width in Chinese, ASCII with spaces in English. */
export function pn(lang: Lang) {
  return lang === 'zh'
    ? { colon: '：', open: '（', close: '）', list: '、', semi: '；', comma: '，' }
    : { colon: ': ', open: ' (', close: ')', list: ', ', semi: '; ', comma: ', ' };
}

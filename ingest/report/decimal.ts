/** Exact decimal arithmetic on the figures of a report: sums and unit scaling without binary rounding. */

export interface Decimal {
  units: bigint;
  scale: number;
}

/** The figure of a cell: 1,234.50 → {123450, 2}; null when the text is not a plain number. */
export function parseDecimal(text: string): Decimal | null {
  const t = text.normalize('NFKC').replace(/[\s,]/g, '');
  const m = /^([+-]?)(\d*)(?:\.(\d+))?$/.exec(t);
  if (!m || (m[2] === '' && m[3] === undefined)) return null;
  const fraction = m[3] ?? '';
  return { units: BigInt(`${m[1]}${m[2] || '0'}${fraction}`), scale: fraction.length };
}

const rescale = (d: Decimal, scale: number): bigint => d.units * 10n ** BigInt(scale - d.scale);

export function sumDecimals(values: readonly Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  return { units: values.reduce((s, v) => s + rescale(v, scale), 0n), scale };
}

/** Rounds half away from zero to fewer decimals. */
function roundTo(d: Decimal, scale: number): Decimal {
  if (d.scale <= scale) return d;
  const divisor = 10n ** BigInt(d.scale - scale);
  const half = divisor / 2n;
  const q = d.units < 0n ? -((-d.units + half) / divisor) : (d.units + half) / divisor;
  return { units: q, scale };
}

/** Whether a stated total equals a sum, at the precision the total is written in. */
export function totalMatches(total: Decimal, sum: Decimal): boolean {
  const rounded = roundTo(sum, total.scale);
  const scale = Math.max(total.scale, rounded.scale);
  return rescale(total, scale) === rescale(rounded, scale);
}

export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A plain number text multiplied by 10^exponent, exactly: ('1.2345', 4) → '12345'. */
export function scaleText(d: Decimal, exponent: number): string {
  const shifted =
    exponent >= d.scale ? { units: d.units * 10n ** BigInt(exponent - d.scale), scale: 0 } : { units: d.units, scale: d.scale - exponent };
  return formatDecimal(shifted).replace(/,/g, '');
}

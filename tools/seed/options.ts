/** Command-line options of the sample-data generator, parsed and validated in one place. */

export type SeedFormat = 'csv' | 'parquet';

export interface SeedOptions {
  /** Multiplies the number of rows (not the magnitudes). 1 is the default sample; below 1 shortens the history. */
  scale: number;
  /** Directory the fact files are written to. */
  outDir: string;
  /** Directory holding the reference CSVs (region.csv, program.csv, …). */
  referenceDir: string;
  format: SeedFormat;
  /** Seed of the deterministic pseudo-randomness; the same seed gives byte-identical files. */
  seed: number;
}

export const defaultOptions: SeedOptions = {
  scale: 1,
  outDir: 'data/sample',
  referenceDir: 'data/reference',
  format: 'csv',
  seed: 20_240_601,
};

export const usage = `Usage: npm run seed -- [--scale N] [--out DIR] [--format csv|parquet] [--reference DIR] [--seed N]

  --scale N        multiply the number of rows (default 1; 0.05 a tiny sample, 14 about 10 million and 135 about 100 million training rows)
  --out DIR        output directory (default data/sample)
  --format F       csv (default) or parquet
  --reference DIR  reference CSVs to draw codes from (default data/reference)
  --seed N         seed of the pseudo-randomness (default ${defaultOptions.seed})`;

const flags = ['--scale', '--out', '--format', '--reference', '--seed'] as const;
type Flag = (typeof flags)[number];
const isFlag = (text: string): text is Flag => (flags as readonly string[]).includes(text);

/** Parses `--flag value` and `--flag=value` pairs; throws an Error with a readable message on anything else. */
export function parseSeedArgs(argv: readonly string[]): SeedOptions {
  const options: SeedOptions = { ...defaultOptions };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    if (!isFlag(name)) throw new Error(`unknown option '${argv[i]}'`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${name} needs a value`);
    apply(options, name, value);
  }
  return options;
}

function apply(options: SeedOptions, name: Flag, value: string): void {
  switch (name) {
    case '--scale': {
      const scale = Number(value);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new Error(`--scale must be a number in (0, 1000], got '${value}'`);
      options.scale = scale;
      return;
    }
    case '--seed': {
      const seed = Number(value);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got '${value}'`);
      options.seed = seed;
      return;
    }
    case '--format':
      if (value !== 'csv' && value !== 'parquet') throw new Error(`--format must be csv or parquet, got '${value}'`);
      options.format = value;
      return;
    case '--out':
      options.outDir = value;
      return;
    case '--reference':
      options.referenceDir = value;
      return;
  }
}

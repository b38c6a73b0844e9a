import { generateSample } from './generate.js';
import { parseSeedArgs, usage, type SeedOptions } from './options.js';

/** `npm run seed -- [--scale N] [--out DIR] [--format csv|parquet]`: writes the synthetic fact files. */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  let options: SeedOptions;
  try {
    options = parseSeedArgs(argv);
  } catch (error) {
    console.error(`seed: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const { plan, files, milliseconds } = await generateSample(options);
  const wide = plan.allFieldPrograms.join(', ') || 'none';
  console.log(
    `seed: scale ${options.scale}: ${plan.firstMonth.slice(0, 7)} … ${plan.lastMonth.slice(0, 7)}, training by ${plan.unitLevel}, ` +
      `all fields for [${wide}], ${Math.round(plan.occupationShare * 100)}% of occupations per region`,
  );
  for (const file of files) console.log(`  ${file.dataset.padEnd(13)} ${String(file.rows).padStart(12)} rows  ${file.path}`);
  console.log(`seed: done in ${(milliseconds / 1000).toFixed(1)} s (synthetic data, not official statistics)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

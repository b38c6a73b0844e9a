import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkSubmission } from './submission-check.js';

// Validates one submitted file against the live snapshot (a dry run) and prints the report as one JSON line on
// stdout: the server runs this in a child process, so a hostile file cannot harm the serving process.
const usage =
  'usage: check-cli <file> --data-dir DIR --scratch DIR [--dataset NAME] [--encoding gb18030] [--province CODE] [--memory-limit 1GB]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      scratch: { type: 'string' },
      dataset: { type: 'string' },
      encoding: { type: 'string' },
      province: { type: 'string' },
      'memory-limit': { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || !values['data-dir'] || !values.scratch) {
    console.error(usage);
    return 2;
  }
  const check = await checkSubmission(resolve(file), {
    dataDir: resolve(values['data-dir']),
    scratchDir: resolve(values.scratch),
    dataset: values.dataset,
    encoding: values.encoding,
    province: values.province,
    memoryLimit: values['memory-limit'],
  });
  process.stdout.write(`${JSON.stringify(check)}\n`);
  return 0;
}

process.exitCode = await main();

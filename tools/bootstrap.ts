import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildNode, ensureNodeBuild, nodeBuildDir } from './node-build.js';
import { buildWeb, ensureWebBuild } from './web-build.js';

/**
 * The build and start-up steps of a development checkout, run from the sources with tsx, so that the server
 * process only opens snapshots and serves (and runs compiled, without a TypeScript loader or a dev dependency).
 *
 *   tsx tools/bootstrap.ts          `npm start`'s first step (prestart): compiles the Node code into build/ and
 *                                   builds the web app into web/dist when missing or stale, then builds the
 *                                   default snapshot when the data directory has none (compiled: the same
 *                                   `node build/tools/bootstrap-data.js` a production machine runs)
 *   tsx tools/bootstrap.ts --build  `npm run build`: compiles and builds both unconditionally; no data
 */
async function main(argv: readonly string[]): Promise<number> {
  const say = (line: string): void => console.log(line);
  if (argv.includes('--build')) {
    say('compiling the Node code (build/) …');
    await buildNode();
    say('building the web app (web/dist) …');
    await buildWeb();
    return 0;
  }
  await ensureNodeBuild(say);
  await ensureWebBuild(say);
  return run(process.execPath, [join(nodeBuildDir, 'tools', 'bootstrap-data.js')]);
}

function run(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bootstrap: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

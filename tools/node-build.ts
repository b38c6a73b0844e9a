import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../core/repo-paths.js';

/** The compiled Node code: build/<folder>/… mirrors the sources, with the .sql files they read beside them. */
export const nodeBuildDir = join(repoRoot, 'build');

const tsconfig = join(repoRoot, 'tsconfig.build.json');
/** Written last by a build that succeeded; its time is when that build started. */
const stampName = '.built';

/** The folders tsconfig.build.json compiles (its `include`). */
function sourceFolders(): string[] {
  const { include } = JSON.parse(readFileSync(tsconfig, 'utf8')) as { include: string[] };
  return include;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Everything the compiled output depends on: the compiled folders (code and SQL), the tsconfigs and package.json ("type"). */
function inputs(): string[] {
  const configs = ['tsconfig.build.json', 'tsconfig.node.json', 'tsconfig.base.json', 'package.json'].map((name) => join(repoRoot, name));
  return [...configs, ...sourceFolders().flatMap((folder) => filesUnder(join(repoRoot, folder)))];
}

/** Whether outDir holds a complete build that started after the last change to its inputs. */
export function nodeBuildIsCurrent(outDir = nodeBuildDir): boolean {
  const stamp = join(outDir, stampName);
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return inputs().every((path) => statSync(path).mtimeMs <= built);
}

/**
 * Compiles the Node code with tsc (tsconfig.build.json: core, ingest, queries, server, tools) into outDir and copies
 * every .sql file of those folders to the same place in it, since the code reads them beside its own module
 * (queries/<name>.sql and their @includes, ingest/rollups.sql, tools/seed/sql/). Fails on a type error.
 * Needs the dev dependencies (typescript).
 */
export async function buildNode(outDir = nodeBuildDir): Promise<void> {
  const started = new Date();
  rmSync(outDir, { recursive: true, force: true });
  let tsc: string;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch (error) {
    throw new Error('compiling the server needs the dev dependencies (typescript): run `npm install` or `npm ci` first', { cause: error });
  }
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', tsconfig, '--outDir', outDir], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p tsconfig.build.json failed:\n${stdout}${stderr}`.trimEnd(), { cause: error });
  }
  for (const folder of sourceFolders()) {
    for (const file of filesUnder(join(repoRoot, folder)).filter((path) => path.endsWith('.sql'))) {
      cpSync(file, join(outDir, relative(repoRoot, file)));
    }
  }
  const stamp = join(outDir, stampName);
  writeFileSync(stamp, `compiled by tools/node-build.ts from ${repoRoot}\n`);
  utimesSync(stamp, started, started);
}

/** Compiles the Node code into build/ when it is missing or older than its sources. */
export async function ensureNodeBuild(say: (line: string) => void = () => {}): Promise<string> {
  if (nodeBuildIsCurrent()) return nodeBuildDir;
  say('compiling the Node code (build/) …');
  await buildNode();
  return nodeBuildDir;
}

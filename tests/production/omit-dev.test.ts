import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode } from '../../tools/node-build.js';
import { buildWeb } from '../../tools/web-build.js';

/**
 * The production path as a deployment meets it: the repository's files, the compiled server (build/) and the
 * built web app (web/dist) — both built here from this checkout, which has the dev dependencies — installed
 * in a temporary folder with `npm ci --omit=dev`, then started with `npm run serve` (the default snapshot from
 * the compiled tools, then the compiled server). No TypeScript loader, no Vite, no TypeScript.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** PATH without any node_modules/.bin, so that nothing of this checkout's dev dependencies can be picked up. */
const cleanPath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => !/node_modules[\\/]\.bin/.test(dir))
  .join(delimiter);
const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: cleanPath, ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_PATH;
  return env;
};

let root: string;
let server: ChildProcess | undefined;
let output = '';
let base: string;

/** The checkout's files (tracked, and new ones not ignored) copied into dir. */
async function copyCheckout(dir: string): Promise<void> {
  let listed: string;
  try {
    listed = (await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, maxBuffer: 64 << 20 }))
      .stdout;
  } catch (error) {
    throw new Error(`this test copies the checkout's files with \`git ls-files\`, which failed: ${String(error)}`, { cause: error });
  }
  for (const file of listed.split('\0').filter(Boolean)) {
    const from = join(repo, file);
    if (!existsSync(from)) continue; // deleted in the work tree, not yet in the index
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(from, join(dir, file));
  }
}

async function installProductionDependencies(dir: string): Promise<void> {
  const args = ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'];
  try {
    await run('npm', args, { cwd: dir, env: childEnv(), timeout: 5 * 60_000, maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout = '', stderr = '', code, signal } = error as { stdout?: string; stderr?: string; code?: unknown; signal?: unknown };
    const tail = `${stdout}${stderr}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(
      `\`npm ${args.join(' ')}\` failed (${signal ? `killed by ${String(signal)}` : `exit ${String(code)}`}) in ${dir}. ` +
        `This test installs the production dependencies from the npm registry (or the npm cache): ` +
        `is registry.npmjs.org reachable?\n${tail}`,
      { cause: error },
    );
  }
}

/** `npm run serve` in its own process group, resolved with the server's URL once it listens. */
function serve(dir: string, dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = childEnv({ PORT: '0', HOST: '127.0.0.1', TALENT_DATA_DIR: dataDir, LOG_REQUESTS: 'false', DUCKDB_THREADS: '2' });
    const child = spawn('npm', ['run', 'serve'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    const timer = setTimeout(() => reject(new Error(`the server did not listen within 5 minutes:\n${output}`)), 5 * 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const port = /open http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`\`npm run serve\` exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const killer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

describe('production: built, installed with npm ci --omit=dev, started without dev dependencies', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'talent-production-'));
    await copyCheckout(root);
    await buildNode(join(root, 'build'));
    await buildWeb(join(root, 'web', 'dist'));
    await installProductionDependencies(root);
    base = await serve(root, join(root, 'data'));
  }, 12 * 60_000);

  afterAll(async () => {
    if (server) await stop(server);
    if (root) await rm(root, { recursive: true, force: true });
  }, 60_000);

  it('installed no dev dependency: no TypeScript loader, no Vite, no TypeScript', () => {
    for (const name of ['tsx', 'vite', 'typescript', 'vitest', 'esbuild'])
      expect(existsSync(join(root, 'node_modules', name)), name).toBe(false);
    expect(existsSync(join(root, 'node_modules', '@duckdb', 'node-api'))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.serve).not.toMatch(/tsx|vite|tsc/);
  });

  it('built the default snapshot from the compiled tools, then served it', () => {
    expect(output).toMatch(/built snapshot \S+/);
    expect(output).toMatch(/talent-dashboard serving snapshot \S+/);
  });

  it('serves the built web app at /', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<script[^>]+src="\/assets\/[^"]+\.js"/);
  });

  it('answers /api/health', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('runs an analytic from its compiled definition and the .sql beside it', async () => {
    const response = await fetch(`${base}/api/queries/annual-target-progress`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { name: string; rows: unknown[] };
    expect(body.name).toBe('annual-target-progress');
    expect(body.rows.length).toBeGreaterThan(0);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, existsIn, findCycles, layerOf, parseImports, readRepoSources } from './imports.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the import parser', () => {
  it('finds static, re-exported, dynamic, require and import-type imports, and tells type-only ones apart', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, f } from './e.js';",
      "import * as g from './g.js';",
      "import './side-effect.js';",
      "export { h } from './h.js';",
      "export type { I } from './i.js';",
      "export { type J } from './j.js';",
      "export * from './k.js';",
      "export type * from './l.js';",
      "import m = require('./m.js');",
      "const n = await import('./n.js');",
      "type O = import('./o.js').O;",
      'const p = await import(variable);',
      "// import q from './q.js';",
      'const r = \'import s from "./s.js"\';',
    ].join('\n');
    expect(parseImports('x.ts', text).map((i) => [i.specifier, i.kind, i.typeOnly, i.line])).toEqual([
      ['./a.js', 'import', false, 1],
      ['./b.js', 'import', true, 2],
      ['./c.js', 'import', true, 3],
      ['./e.js', 'import', false, 4],
      ['./g.js', 'import', false, 5],
      ['./side-effect.js', 'import', false, 6],
      ['./h.js', 'export', false, 7],
      ['./i.js', 'export', true, 8],
      ['./j.js', 'export', true, 9],
      ['./k.js', 'export', false, 10],
      ['./l.js', 'export', true, 11],
      ['./m.js', 'require', false, 12],
      ['./n.js', 'dynamic', false, 13],
      ['./o.js', 'import-type', true, 14],
    ]);
  });

  it('places files in their layers', () => {
    expect(['core/wire.ts', 'web/src/api.ts', 'web/vite.config.ts', 'queries/lib/run.ts', 'vitest.config.ts'].map(layerOf)).toEqual([
      'core',
      'web',
      'other',
      'queries',
      'other',
    ]);
  });
});

// The checker itself can fail: fake trees with each kind of break must be reported, by file and import.
describe('the layer checker on fake files', () => {
  it('reports upward and sideways edges and the cycle they close, with its path', () => {
    const files = new Map([
      ['core/a.ts', "import { b } from '../server/b.js';\nexport const a = b;"],
      ['server/b.ts', "import { c } from '../ingest/c.js';\nexport const b = c;"],
      ['ingest/c.ts', "import { d } from '../queries/d.js';\nexport const c = d;"],
      ['queries/d.ts', "import type { a } from '../core/a.js';\nexport const d = 1 as unknown as typeof a;"],
      ['tools/ok.ts', "import { c } from '../ingest/c.js';\nimport { d } from '../queries/d.js';\nexport { c, d };"],
      ['bench/ok.ts', "import { b } from '../server/b.js';\nimport { ok } from '../tools/ok.js';\nexport { b, ok };"],
      ['tests/ok.test.ts', "import '../web/src/w.js';\nimport '../bench/ok.js';"],
      ['web/src/w.ts', 'export const w = 1;'],
    ]);
    const report = checkLayers(files);
    expect(report.violations).toEqual([
      "core/a.ts:1 import '../server/b.js' → server/b.ts: core/ imports nothing outside core/",
      "ingest/c.ts:1 import '../queries/d.js' → queries/d.ts: ingest/ may import only core/, ingest/",
      "server/b.ts:1 import '../ingest/c.js' → ingest/c.ts: server/ may import only core/, queries/, server/",
    ]);
    expect(report.cycles).toEqual([['core/a.ts', 'server/b.ts', 'ingest/c.ts', 'queries/d.ts', 'core/a.ts']]);
  });

  it('lets the web app import only itself, plus core/* and queries/contract.ts type-only', () => {
    const files = new Map([
      ['core/wire.ts', 'export type Cell = string;'],
      ['queries/contract.ts', 'export const analytics = {};'],
      ['queries/lib/define.ts', 'export type Q = 1;'],
      ['server/app.ts', 'export const app = 1;'],
      ['web/src/ok.ts', 'export const ok = 1;'],
      [
        'web/src/page.ts',
        [
          "import type { Cell } from '../../core/wire.js';",
          "import { type analytics } from '../../queries/contract.js';",
          "export type { Cell as C } from '../../core/wire.js';",
          "type W = import('../../core/wire.js').Cell;",
          "import { ok } from './ok.js';",
          "import { analytics as values } from '../../queries/contract.js';",
          "import type { Q } from '../../queries/lib/define.js';",
          "const app = () => import('../../server/app.js');",
          "export { Cell } from '../../core/wire.js';",
          "import { readFileSync } from 'node:fs';",
          "import { select } from 'd3';",
        ].join('\n'),
      ],
    ]);
    const rule = 'web/src imports only web/src, plus type-only imports of core/* and queries/contract.ts';
    expect(checkLayers(files).violations).toEqual([
      `web/src/page.ts:6 import '../../queries/contract.js' → queries/contract.ts: ${rule}`,
      `web/src/page.ts:7 type-only import '../../queries/lib/define.js' → queries/lib/define.ts: ${rule}`,
      `web/src/page.ts:8 dynamic '../../server/app.js' → server/app.ts: ${rule}`,
      `web/src/page.ts:9 export '../../core/wire.js' → core/wire.ts: ${rule}`,
      "web/src/page.ts:10 import 'node:fs': the web app runs in the browser and may not import Node built-ins",
    ]);
  });

  it('keeps core/ inside core/ even for files that are not modules, and reports imports that resolve to nothing', () => {
    const files = new Map([
      ['core/a.ts', "import pkg from '../package.json' with { type: 'json' };\nimport { b } from './b.js';\nexport { pkg, b };"],
      ['core/b.ts', "export * from './missing.js';"],
    ]);
    const exists = (path: string) => files.has(path) || path === 'package.json';
    expect(checkLayers(files, exists).violations).toEqual([
      "core/a.ts:1 import '../package.json' → package.json: core/ imports nothing outside core/",
      "core/b.ts:1 export './missing.js': does not resolve to a file",
    ]);
  });

  it('finds every cycle, including a module importing itself, and none in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
      ['e', ['e']],
      ['f', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('the repository', () => {
  const files = readRepoSources(root);
  const report = checkLayers(files, existsIn(root, files));

  it('is read whole: every layer, and the imports between them', () => {
    const layers = new Set([...files.keys()].map(layerOf));
    for (const layer of ['core', 'ingest', 'queries', 'server', 'tools', 'bench', 'web', 'tests'] as const) expect(layers).toContain(layer);
    const has = (from: string, target: string) => report.edges.some((e) => e.from === from && e.target === target);
    expect(has('queries/contract.ts', 'queries/training-trend.ts')).toBe(true);
    expect(has('web/src/api.ts', 'queries/contract.ts')).toBe(true);
    expect(report.edges.length).toBeGreaterThan(500);
  });

  it('would be caught breaking a rule: the real tree with a planted upward edge, then with a planted cycle', () => {
    const upward = new Map(files).set('core/wire.ts', `import '../server/app.js';\n${files.get('core/wire.ts')}`);
    expect(checkLayers(upward, existsIn(root, upward)).violations).toContain(
      "core/wire.ts:1 import '../server/app.js' → server/app.ts: core/ imports nothing outside core/",
    );
    const cyclic = new Map(files).set('queries/lib/define.ts', `import '../contract.js';\n${files.get('queries/lib/define.ts')}`);
    expect(checkLayers(cyclic, existsIn(root, cyclic)).cycles.map((c) => c.join(' → '))).toContainEqual(
      expect.stringMatching(/queries\/lib\/define\.ts → queries\/contract\.ts/),
    );
  });

  it('keeps the layers: core ← ingest, queries ← server; tools, bench and tests above; the web app on its own', () => {
    expect(report.violations).toEqual([]);
  });

  it('has no import cycle among its modules (type-only imports included)', () => {
    expect(report.cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the repository and the layering rules it must keep, checked with the TypeScript parser
 * (never regexes): static imports and re-exports, dynamic import('…'), import('…') types and
 * `import x = require('…')`, each marked type-only or not. Pure functions over a map of files, so that a test
 * can feed it fake files and see it fail.
 */

export type Layer = 'core' | 'ingest' | 'queries' | 'server' | 'tools' | 'bench' | 'web' | 'tests' | 'other';

export interface RawImport {
  specifier: string;
  /** Erased at run time: `import type`, `export type`, every specifier inline `type`, or an import('…') type. */
  typeOnly: boolean;
  kind: 'import' | 'export' | 'dynamic' | 'import-type' | 'require';
  line: number;
}

export interface Edge extends RawImport {
  /** Repository-relative path of the importing file (posix separators). */
  from: string;
  /** Repository-relative path of the imported file; null for a package or a Node built-in. */
  target: string | null;
}

export interface LayerReport {
  edges: Edge[];
  /** Every rule broken, one readable line each (file:line, the import, the rule). */
  violations: string[];
  /** Each import cycle among our modules as a path that ends where it starts. */
  cycles: string[][];
}

/** Which layer a repository-relative path belongs to. */
export function layerOf(path: string): Layer {
  if (path.startsWith('web/src/')) return 'web';
  const top = path.split('/')[0];
  switch (top) {
    case 'core':
    case 'ingest':
    case 'queries':
    case 'server':
    case 'tools':
    case 'bench':
    case 'tests':
      return top;
    default:
      return 'other';
  }
}

const everything: readonly Layer[] = ['core', 'ingest', 'queries', 'server', 'tools', 'bench', 'web', 'tests', 'other'];

/**
 * The layers each layer may import (type-only or not). core imports nothing of ours; ingest and queries sit on
 * core and never import each other; server sits on core and queries (never ingest); tools may use core,
 * ingest and queries; bench anything except the web app; tests anything; the web app only itself (its
 * type-only imports of core/ and queries/contract.ts are checked apart). Files outside the layers (build
 * configs at the root) are not constrained here.
 */
export const allowed: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  ingest: ['core', 'ingest'],
  queries: ['core', 'queries'],
  server: ['core', 'queries', 'server'],
  tools: ['core', 'ingest', 'queries', 'tools'],
  bench: everything.filter((l) => l !== 'web'),
  web: ['web'],
  tests: everything,
  other: everything,
};

/** What the web app may import from outside web/src, type-only: core/* and the query contract. */
const webTypeOnlyTargets = (target: string) => target.startsWith('core/') || target === 'queries/contract.ts';

const nodeBuiltins = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0]);

/** Every import of one file, as the TypeScript parser sees it. */
export function parseImports(fileName: string, text: string): RawImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: RawImport[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (node: ts.Node, specifier: ts.Expression | undefined, kind: RawImport['kind'], typeOnly: boolean) => {
    if (specifier && ts.isStringLiteralLike(specifier)) found.push({ specifier: specifier.text, typeOnly, kind, line: lineOf(node) });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      // `import type …`, or only inline `type` specifiers and no default or namespace binding. A bare
      // `import './x.js'` (no clause) and `import {} from` keep the module at run time.
      const bindings = clause?.namedBindings;
      const inlineTypesOnly =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, 'import', Boolean(clause?.isTypeOnly) || inlineTypesOnly);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const inlineTypesOnly =
        clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, 'export', node.isTypeOnly || inlineTypesOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, 'require', node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], 'dynamic', false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, 'import-type', true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * A relative specifier resolved the way NodeNext resolves our sources: './x.js' is './x.ts' (or .tsx, .d.ts),
 * '.mjs' is '.mts'; an extensionless one may name a file or a folder's index. Returns the repository-relative
 * path, undefined when nothing exists there, or null for a package or built-in.
 */
export function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): string | null | undefined {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
  const base = posix.normalize(specifier.startsWith('/') ? specifier.slice(1) : posix.join(posix.dirname(from), specifier));
  const stem = base.replace(/\.[cm]?js$/, '');
  const ext = base.endsWith('.mjs') ? '.mts' : base.endsWith('.cjs') ? '.cts' : '.ts';
  const candidates = [
    base,
    ...(stem !== base ? [stem + ext, stem + '.tsx', stem + '.d.ts'] : []),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.d.ts`,
    `${base}/index.ts`,
  ];
  return candidates.find(exists);
}

/** The cycles of a directed graph: one path per strongly connected component with a cycle (Tarjan). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;

  const strongConnect = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        strongConnect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) strongConnect(node);

  // Within a component, a shortest path from its first member (sorted) back to itself.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
      const node = queue.shift()!;
      for (const to of graph.get(node) ?? []) {
        if (!members.has(to)) continue;
        if (to === start) {
          const path = [node];
          while (path[0] !== start) path.unshift(previous.get(path[0])!);
          return [...path, start];
        }
        if (!previous.has(to)) {
          previous.set(to, node);
          queue.push(to);
        }
      }
    }
    return [start, start];
  });
}

/**
 * Checks a set of files (repository-relative path → text). `exists` says whether a path exists besides
 * those files (e.g. a .json or .css an import names); it defaults to the files themselves.
 */
export function checkLayers(files: ReadonlyMap<string, string>, exists: (path: string) => boolean = (p) => files.has(p)): LayerReport {
  const edges: Edge[] = [];
  const violations: string[] = [];
  const graph = new Map<string, string[]>();
  for (const [from, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const targets: string[] = [];
    graph.set(from, targets);
    for (const raw of parseImports(from, text)) {
      const target = resolveSpecifier(from, raw.specifier, exists);
      const where = `${from}:${raw.line} ${raw.typeOnly ? 'type-only ' : ''}${raw.kind} '${raw.specifier}'`;
      if (target === undefined) {
        violations.push(`${where}: does not resolve to a file`);
        continue;
      }
      edges.push({ ...raw, from, target });
      const fromLayer = layerOf(from);
      if (target === null) {
        if (fromLayer === 'web' && isNodeBuiltin(raw.specifier))
          violations.push(`${where}: the web app runs in the browser and may not import Node built-ins`);
        continue;
      }
      if (files.has(target)) targets.push(target);
      const toLayer = layerOf(target);
      if (fromLayer === 'core') {
        if (!target.startsWith('core/')) violations.push(`${where} → ${target}: core/ imports nothing outside core/`);
      } else if (fromLayer === 'web') {
        if (toLayer !== 'web' && !(raw.typeOnly && webTypeOnlyTargets(target)))
          violations.push(`${where} → ${target}: web/src imports only web/src, plus type-only imports of core/* and queries/contract.ts`);
      } else if (!allowed[fromLayer].includes(toLayer)) {
        violations.push(`${where} → ${target}: ${fromLayer}/ may import only ${allowed[fromLayer].map((l) => `${l}/`).join(', ')}`);
      }
    }
  }
  return { edges, violations, cycles: findCycles(graph) };
}

/** Folders that hold no sources of ours: dependencies, build output, data, generated artifacts. */
const skipped = new Set(['node_modules', 'build', 'dist', 'data', 'coverage', 'tests/artifacts', 'bench/results']);

/** Every .ts file of the repository (repository-relative, posix) with its text. */
export function readRepoSources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skipped.has(entry.name) && !skipped.has(rel)) walk(path);
      } else if (/\.[cm]?tsx?$/.test(entry.name)) files.set(rel, readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** Whether a repository-relative path exists on disk (for imports of non-TypeScript files). */
export const existsIn =
  (root: string, files: ReadonlyMap<string, string>) =>
  (path: string): boolean =>
    files.has(path) || (!path.startsWith('..') && statSync(join(root, path), { throwIfNoEntry: false })?.isFile() === true);

import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { documentAccess } from '../../tools/docs/access.js';
import { documentDatasets } from '../../tools/docs/datasets.js';
import { documentRegistry } from '../../tools/docs/queries.js';
import { loadExports, loadRegistry } from '../../queries/registry.js';

const doc = (name: string) => readFile(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

describe('generated documentation is in step with the code (run `npm run docs` after changing either)', () => {
  it('docs/data-model.md lists exactly the declared tables and columns', async () => {
    expect(await doc('data-model.md')).toContain(documentDatasets());
  });

  it('docs/api.md lists every query and dataset with its parameters', async () => {
    const api = await doc('api.md');
    expect(api).toContain(documentRegistry('/api/queries', await loadRegistry()));
    expect(api).toContain(documentRegistry('/api/datasets', await loadExports()));
  });

  it('docs/access.md holds the policy table of every catalog entry', async () => {
    expect(await doc('access.md')).toContain(documentAccess(await loadRegistry(), await loadExports()));
  });
});

import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { documentDatasets } from '../../ingest/datasets/document.js';

describe('docs/data-model.md', () => {
  it('lists exactly the tables and columns the declarations define (run `npm run docs` after changing them)', async () => {
    const doc = await readFile(new URL('../../docs/data-model.md', import.meta.url), 'utf8');
    expect(doc).toContain(documentDatasets());
  });
});

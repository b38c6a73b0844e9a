import { describe, expect, it } from 'vitest';
import { analyticAccess, datasetAccess } from '../../queries/access.js';
import { analytics, datasetExports } from '../../queries/contract.js';
import { sqlOf } from '../../queries/lib/sql-file.js';
import type { QueryDefinition } from '../../queries/lib/define.js';

// The row-level rule lives in the SQL: an entry declared province-scoped must bind $scope_province, and an entry
// that binds it must be declared so (or the catalog and docs/access.md would say what the query does not do).
const entries: [string, QueryDefinition, { provinceScoped: boolean; detailWhen?: { param: string } }][] = [
  ...Object.entries(analytics).map(
    ([name, d]) => [name, d as QueryDefinition, analyticAccess[name as keyof typeof analyticAccess]] as const,
  ),
  ...Object.entries(datasetExports).map(
    ([name, d]) => [name, d as QueryDefinition, datasetAccess[name as keyof typeof datasetAccess]] as const,
  ),
] as never;

describe('access declarations', () => {
  it.each(entries)('%s binds $scope_province exactly when it is declared province-scoped', (_name, definition, access) => {
    expect(sqlOf(definition).includes('$scope_province')).toBe(access.provinceScoped);
  });

  it.each(entries.filter(([, , a]) => a.detailWhen))('%s names a parameter it has for its detail requests', (_name, definition, access) => {
    expect(Object.keys(definition.params)).toContain(access.detailWhen!.param);
  });
});

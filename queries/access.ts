import { roleRank, type Access, type Role } from '../core/access.js';
import type { DatasetName, QueryName } from './contract.js';

/**
 * Who may read each catalog entry (the policy table of docs/access.md is generated from these maps).
 *
 * - `minRole`: the least role for the entry at all.
 * - `provinceScoped`: its rows below province level are prefecture-level detail: at least a researcher reads them,
 *   an official only those of their own province — bound as `$scope_province` in the entry's SQL, so the rule
 *   holds in the query itself, not only in the route.
 * - `detailWhen`: the entry is province-level (public) unless this parameter is set (to one of `values`); then the
 *   request is detail. Without it, every request of a province-scoped entry is detail.
 */
export interface EntryAccess extends Access {
  detailWhen?: { param: string; values?: readonly string[] };
}

const publicEntry: EntryAccess = { minRole: 'public', provinceScoped: false };
/** Prefecture or county detail in every request. */
const detail: EntryAccess = { minRole: 'researcher', provinceScoped: true };

export const analyticAccess: Record<QueryName, EntryAccess> = {
  'annual-target-path': publicEntry,
  'annual-target-progress': publicEntry,
  'catalogue-in-province': { minRole: 'public', provinceScoped: true, detailWhen: { param: 'prefecture' } },
  'competition-results': publicEntry,
  'competition-trend': publicEntry,
  'multi-year-target-progress': publicEntry,
  'poverty-areas': publicEntry,
  'poverty-counties': detail,
  'poverty-prefectures': detail,
  'prefecture-trend': detail,
  'programme-headlines': { minRole: 'public', provinceScoped: false },
  'province-target-league': publicEntry,
  'published-figures': publicEntry,
  'region-comparison': publicEntry,
  'region-profile': publicEntry,
  'shortage-occupations': publicEntry,
  'talent-gap': { minRole: 'public', provinceScoped: true, detailWhen: { param: 'level', values: ['prefecture'] } },
  'talent-stock': publicEntry,
  'training-by-region': { minRole: 'public', provinceScoped: true, detailWhen: { param: 'level', values: ['prefecture'] } },
  'training-trend': publicEntry,
  'zone-pressure': publicEntry,
  'zone-tightest-occupations': publicEntry,
};

/** Every fact export holds prefecture rows; the reference tables and the published figures are public. */
export const datasetAccess: Record<DatasetName, EntryAccess> = {
  competition: detail,
  labor_market: detail,
  published: publicEntry,
  'reference-lists': publicEntry,
  region: publicEntry,
  talent_stock: detail,
  target: { minRole: 'researcher', provinceScoped: false },
  training: detail,
};

/** Prefecture-level detail needs at least this role; an official reads their own province's only. */
export const detailRole: Role = 'researcher';

/** Whether a request of an entry reads prefecture-level detail. */
export function isDetail(entry: EntryAccess, values: Record<string, unknown>): boolean {
  if (!entry.provinceScoped) return false;
  if (!entry.detailWhen) return true;
  const value = values[entry.detailWhen.param];
  if (value === null || value === undefined) return false;
  return !entry.detailWhen.values || entry.detailWhen.values.includes(String(value));
}

/** The least role a request needs: the entry's, or the detail role for a detail request. */
export function neededRole(entry: EntryAccess, values: Record<string, unknown>): Role {
  const detail = isDetail(entry, values);
  return detail && roleRank[detailRole] > roleRank[entry.minRole] ? detailRole : entry.minRole;
}

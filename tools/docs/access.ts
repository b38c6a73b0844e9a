import { roleRank, type Role } from '../../core/access.js';
import { analyticAccess, datasetAccess, detailRole, neededRole, type EntryAccess } from '../../queries/access.js';
import type { Registry } from '../../queries/registry.js';

/** What one role gets of one entry, in words, as server/access/policy.ts decides it. */
function cell(role: Role, access: EntryAccess): string {
  if (roleRank[role] < roleRank[access.minRole]) return '—';
  if (!access.provinceScoped) return 'yes';
  const detailNeeded = roleRank[detailRole] > roleRank[access.minRole] ? detailRole : access.minRole;
  const readsDetail = roleRank[role] >= roleRank[detailNeeded];
  const when = access.detailWhen
    ? `\`${access.detailWhen.param}${access.detailWhen.values ? `=${access.detailWhen.values.join('|')}` : ''}\``
    : null;
  if (when) {
    if (!readsDetail) return `province level; not with ${when}`;
    return role === 'official' ? `yes; with ${when} own province only` : 'yes';
  }
  return role === 'official' ? 'own province only' : 'yes';
}

function rows(kind: string, registry: Registry, table: Record<string, EntryAccess>): string[] {
  return [...registry.keys()].sort().map((name) => {
    const access = table[name]!;
    const cells = (['public', 'researcher', 'official', 'planner'] as const).map((role) => cell(role, access));
    const least = neededRole(access, {});
    return `| ${kind} \`${name}\` | ${least} | ${access.provinceScoped ? 'yes' : 'no'} | ${cells.join(' | ')} |`;
  });
}

/** The policy table of docs/access.md, from the catalog's access declarations (queries/access.ts). */
export function documentAccess(queries: Registry, exports: Registry): string {
  return [
    '| Entry | Least role | Province-scoped | Public | Researcher | Official | Planner, admin |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows('analytic', queries, analyticAccess),
    ...rows('dataset', exports, datasetAccess),
    '',
  ].join('\n');
}

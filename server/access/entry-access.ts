import type { Response } from 'express';
import type { Principal } from '../../core/access.js';
import type { CatalogEntry } from '../../core/wire.js';
import { analyticAccess, datasetAccess, type EntryAccess } from '../../queries/access.js';
import type { QueryDefinition } from '../../queries/lib/define.js';
import { SCOPE_PARAM } from '../../queries/lib/run.js';
import { authorizeRead, mayRead } from './policy.js';
import { principalOf } from './principal.js';

export type EntryKind = 'query' | 'dataset';

/** An entry missing from the access maps (which the type check forbids) is closed to all but planners. */
const undeclared: EntryAccess = { minRole: 'planner', provinceScoped: false };

export function accessOf(kind: EntryKind, name: string): EntryAccess {
  const table: Record<string, EntryAccess> = kind === 'query' ? analyticAccess : datasetAccess;
  return Object.hasOwn(table, name) ? table[name]! : undeclared;
}

/**
 * Authorises a request of a catalog entry for the principal of the response and returns the values to run it
 * with: the request's own, plus the row-level scope of an official's detail request.
 */
export function authorizedValues<V extends object>(res: Response, kind: EntryKind, definition: QueryDefinition, values: V): V {
  const scope = authorizeRead(principalOf(res), accessOf(kind, definition.name), definition, values as Record<string, unknown>);
  return scope ? { ...values, [SCOPE_PARAM]: scope } : values;
}

/** A catalog entry with its access declaration and whether the caller may read it. */
export function withAccess(entry: CatalogEntry, kind: EntryKind, principal: Principal): CatalogEntry {
  const access = accessOf(kind, entry.name);
  return { ...entry, access, allowed: mayRead(principal, access) };
}

import type { RequestHandler } from 'express';
import { roleRank, type Principal, type Role } from '../../core/access.js';
import { isDetail, neededRole, type EntryAccess } from '../../queries/access.js';
import type { QueryDefinition } from '../../queries/lib/define.js';
import { HttpProblem } from '../problem.js';
import { principalOf } from './principal.js';

/**
 * The one place that decides who may do what. Routes call it; the row-level part of its answer (an official's
 * province) is bound into the query's SQL as $scope_province, so it holds in the data layer too.
 */

const atLeast = (principal: Principal, role: Role): boolean => roleRank[principal.role] >= roleRank[role];
export const hasRole = atLeast;

/** 401 for the anonymous public (signing in may help), 403 for an account whose role does not reach. */
export function refusal(principal: Principal, needed: Role, what: string): HttpProblem {
  return principal.role === 'public'
    ? new HttpProblem(401, 'Sign-in required', `${what} needs a signed-in ${needed} account or above`)
    : new HttpProblem(403, 'Not allowed', `${what} needs the role ${needed} or above; this account is ${principal.role}`);
}

export function requireRole(min: Role, what = 'this request'): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    next(atLeast(principal, min) ? undefined : refusal(principal, min, what));
  };
}

/** Whether the principal may act for a province (submit its figures, read its submissions). */
export function mayActForProvince(principal: Principal, provinceCode: string): boolean {
  if (atLeast(principal, 'planner')) return true;
  return principal.role === 'official' && principal.province === provinceCode;
}

/** Whether the principal may read at least part of an entry (the catalog's `allowed`). */
export const mayRead = (principal: Principal, entry: EntryAccess): boolean => atLeast(principal, entry.minRole);

const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`;

/** The region codes a request names, by parameter (those whose values are region codes). */
function regionCodes(definition: QueryDefinition, values: Record<string, unknown>): { param: string; code: string }[] {
  const found: { param: string; code: string }[] = [];
  for (const [name, spec] of Object.entries(definition.params)) {
    if (spec.allowedFrom?.table !== 'region' || spec.allowedFrom.column !== 'region_code') continue;
    const value = values[name];
    for (const code of Array.isArray(value) ? value : value ? [value] : []) found.push({ param: name, code: String(code) });
  }
  return found;
}

/**
 * Authorises one read of a catalog entry and returns the province its rows are restricted to (an official's detail
 * request), or null (unrestricted). Throws 401/403 problems naming what was refused.
 */
export function authorizeRead(
  principal: Principal,
  entry: EntryAccess,
  definition: QueryDefinition,
  values: Record<string, unknown>,
): string | null {
  const needed = neededRole(entry, values);
  const what = isDetail(entry, values) ? `prefecture-level detail ('${definition.name}')` : `'${definition.name}'`;
  if (!atLeast(principal, needed)) throw refusal(principal, needed, what);
  if (!isDetail(entry, values) || principal.role !== 'official') return null;
  const own = principal.province;
  if (!own) throw new HttpProblem(403, 'Not allowed', 'this official account has no province; ask an administrator to set it');
  const outside = regionCodes(definition, values).filter(({ code }) => provinceOf(code) !== own);
  if (outside.length > 0)
    throw new HttpProblem(
      403,
      'Outside your province',
      `an official of ${own} reads prefecture-level detail of that province only: ${outside.map(({ param, code }) => `${param}=${code}`).join(', ')} is outside it`,
      outside.map(({ param, code }) => ({ name: param, reason: `${code} is outside the province ${own} of this account` })),
    );
  return own;
}

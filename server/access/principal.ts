import type { Response } from 'express';
import type { Principal } from '../../core/access.js';
import type { UserRecord } from '../../core/accounts.js';

export const anonymous: Principal = { id: null, name: 'anonymous', role: 'public', province: null, via: 'anonymous' };

/** In the open demo mode everyone acts as a planner: everything is visible, and the web app says so. */
export const openModeVisitor: Principal = { id: null, name: 'demo', role: 'planner', province: null, via: 'open-mode' };

export function principalOfUser(user: UserRecord, via: 'token' | 'session'): Principal {
  return { id: user.id, name: user.name, role: user.role, province: user.province, via };
}

/** Who the request acts as (set for every request by the authentication middleware). */
export function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? anonymous;
}

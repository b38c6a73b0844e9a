import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { tokenAccountId } from '../../core/account-tokens.js';
import { perMinuteLimit } from '../protection.js';

const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Failed sign-ins: ten a minute for one client and one claimed account (a proxy's many users, or someone else's
 * mistakes, do not lock anyone else out); successful ones are not counted.
 */
export const signInLimit = (): RequestHandler =>
  rateLimit({
    ...perMinuteLimit('Too many sign-in attempts', 'at most 10 failed sign-ins a minute; retry after the time in the Retry-After header'),
    limit: 10,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const token = (req.body as { token?: unknown } | undefined)?.token;
      return `${clientAddress(req)}|${typeof token === 'string' ? (tokenAccountId(token.trim()) ?? '') : ''}`;
    },
  });

/** Requests with a token that is refused: thirty a minute from one client; requests whose token is good are not counted. */
export const bearerFailureLimit = (): RequestHandler =>
  rateLimit({
    ...perMinuteLimit(
      'Too many refused tokens',
      'at most 30 requests a minute with a refused token; retry after the time in the Retry-After header',
    ),
    limit: 30,
    skip: (req) => req.get('authorization') === undefined,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    keyGenerator: clientAddress,
  });

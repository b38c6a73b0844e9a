import type { Response } from 'express';
import type { InvalidParam, ProblemDetails } from '../core/wire.js';

export type { InvalidParam } from '../core/wire.js';

/** An error the client can act on, sent as RFC 9457 problem details. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail ?? title);
  }
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // A 401 names the scheme that would do (RFC 9110): a token from `npm run users` (docs/access.md).
  if (problem.status === 401 && !res.get('WWW-Authenticate')) res.set('WWW-Authenticate', 'Bearer realm="talent-dashboard"');
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify(problemDetails(problem)));
}

function problemDetails(problem: HttpProblem): ProblemDetails {
  return {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.invalidParams ? { invalid_params: problem.invalidParams } : {}),
  };
}

import compression from 'compression';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { HttpProblem, sendProblem } from './problem.js';

/**
 * Security headers (helmet). The policy is what the web app needs and no more: its own scripts, styles and data;
 * inline styles because Observable Plot and D3 set style attributes and Plot writes a <style> into each chart;
 * data: and blob: images for the charts' PNG/SVG downloads. No upgrade-insecure-requests: a plain-HTTP deployment
 * on a private address must keep loading its own assets.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // Reports and data files are linked from other sites; the API is read by other origins' scripts (CORS-less GET).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

/**
 * Compression (brotli or gzip, as the client accepts) of compressible responses: the web assets, JSON, CSV and
 * Arrow. Parquet and zip are compressed already and their types are not compressible, so they pass as they are.
 */
export function compress(): RequestHandler {
  return compression({ threshold: 1024 });
}

/**
 * The common part of every rate limit: a one-minute window, the standard RateLimit headers and Retry-After, and a
 * refusal as problem details in the limit's own words.
 */
export function perMinuteLimit(
  title: string,
  detail: string,
): Pick<Parameters<typeof rateLimit>[0] & object, 'windowMs' | 'standardHeaders' | 'legacyHeaders' | 'handler'> {
  return {
    windowMs: 60_000,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res, _next, options) => sendProblem(res, new HttpProblem(options.statusCode, title, detail)),
  };
}

/** The small reference exports every page of the web app reads at start: never limited. */
export const referenceExports = new Set(['reference-lists', 'region', 'published']);

/** Limits each client's dataset exports (large streamed downloads) per minute; 0 turns the limit off. */
export function exportRateLimit(perMinute: number): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    ...perMinuteLimit(
      'Too many exports',
      `at most ${perMinute} dataset exports a minute from one client; retry after the time in the Retry-After header`,
    ),
    limit: perMinute,
    skip: (req) => referenceExports.has(String(req.params.table)),
  });
}

import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import expressStaticGzip from 'express-static-gzip';
import { STATUS_CODES } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate } from './access/authenticate.js';
import { csrfProtection, sameOriginChanges } from './access/csrf.js';
import { bearerFailureLimit } from './access/limits.js';
import { sessionRouter } from './access/session-router.js';
import { auditRouter } from './submissions/audit-router.js';
import { submissionsRouter } from './submissions/router.js';
import { readConfig } from './config.js';
import type { AppContext } from './context.js';
import { ExportGate, type ExportLimits } from './export-gate.js';
import { HttpProblem, sendProblem } from './problem.js';
import { compress, exportRateLimit, securityHeaders } from './protection.js';
import { datasetsRouter } from './routes/datasets.js';
import { metaRouter } from './routes/meta.js';
import { queriesRouter } from './routes/queries.js';

export interface AppOptions {
  /** The built web app (web/dist), served from the same origin when present. */
  webDir?: string;
  log?: (line: Record<string, unknown>) => void;
  /** Dataset exports one client may start a minute (EXPORTS_PER_MINUTE; 0: no limit). */
  exportsPerMinute?: number;
  /** Express's 'trust proxy' (TRUST_PROXY; from the environment when absent). */
  trustProxy?: string;
  /** Concurrent exports and their temporary space (EXPORT_CONCURRENCY, EXPORT_TEMP_BUDGET_MB, EXPORT_TEMP_DIR; from the environment when absent). */
  exportLimits?: ExportLimits;
}

function environmentExportLimits(): ExportLimits {
  const config = readConfig();
  return { concurrency: config.EXPORT_CONCURRENCY, tempBudgetMb: config.EXPORT_TEMP_BUDGET_MB, tempDir: config.EXPORT_TEMP_DIR };
}

/** TRUST_PROXY as Express takes it: a boolean, a hop count or addresses. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** With roles enforced, what the API answers depends on who asks: no shared cache may keep it (routes may relax). */
const privateAnswers: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'private, no-store');
  res.vary('Authorization');
  res.vary('Cookie');
  next();
};

/** One structured line per request: route, status, time, rows, snapshot, cache. */
function requestLog(log: (line: Record<string, unknown>) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (!req.path.startsWith('/api/')) return;
      log({
        time: new Date().toISOString(),
        method: req.method,
        route: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        rows: res.locals.rows ?? null,
        snapshot: res.locals.snapshot ?? null,
        cache: res.locals.cache ?? null,
      });
    });
    next();
  };
}

/** The client's mistake as Express's own layers report it (a malformed %-escape in the path: 400), or null. */
function clientProblem(error: unknown): HttpProblem | null {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  const detail =
    error instanceof URIError || /decode|URI/i.test(String((error as Error).message))
      ? 'the address holds a malformed percent-escape (such as %zz); encode it as UTF-8 percent-escapes'
      : String(STATUS_CODES[status] ?? 'bad request').toLowerCase();
  return new HttpProblem(status, STATUS_CODES[status] ?? 'Bad request', detail);
}

/** A path that does not decode (a stray %zz) is refused here, before any layer answers it in its own words. */
const refuseMalformedPaths: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
    next();
  } catch (error) {
    next(clientProblem(Object.assign(error as Error, { status: 400 })));
  }
};

const errors: ErrorRequestHandler = (error, req, res, _next) => {
  if (error instanceof HttpProblem) return sendProblem(res, error);
  // A client that closes a download midway is not a server error: nothing to log, nobody to answer.
  if (res.destroyed || res.req.socket.destroyed) return;
  const client = clientProblem(error);
  if (client) {
    console.warn(JSON.stringify({ time: new Date().toISOString(), status: client.status, refused: req.originalUrl.slice(0, 200) }));
    return sendProblem(res, client);
  }
  // Internal details (SQL, stack) stay in the server log, never in the response.
  console.error(error);
  sendProblem(res, new HttpProblem(500, 'Internal error', 'the request could not be completed; see the server log'));
};

/** Builds the Express app around an opened snapshot store, without listening. */
export function createApp(ctx: AppContext, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxySetting(options.trustProxy ?? readConfig().TRUST_PROXY));
  if (options.log) app.use(requestLog(options.log));
  app.use(refuseMalformedPaths);
  app.use(securityHeaders());
  app.use(compress());
  // Who the request acts as (every /api route reads it through the policy), and CSRF for cookie sessions.
  const csrf = csrfProtection(ctx.access);
  app.use('/api', sameOriginChanges, bearerFailureLimit(), cookieParser(), authenticate(ctx.access), csrf.protect);
  if (ctx.access.mode === 'enforced') app.use('/api', privateAnswers);
  app.use(sessionRouter(ctx.access, csrf.issue));
  app.use(submissionsRouter(ctx));
  app.use(auditRouter(ctx));
  app.use(queriesRouter(ctx));
  app.use('/api/datasets/:table', exportRateLimit(options.exportsPerMinute ?? 60));
  app.use(datasetsRouter(ctx, new ExportGate(options.exportLimits ?? environmentExportLimits())));
  app.use(metaRouter(ctx));
  app.use('/api', (req, _res, next) => next(new HttpProblem(404, 'Not found', `no API route ${req.method} ${req.originalUrl}`)));
  if (options.webDir && existsSync(join(options.webDir, 'index.html'))) {
    const webDir = options.webDir;
    // The build writes .br and .gz beside each text asset (web/vite.config.ts): sent as they are when accepted.
    // Hashed assets never change under their name; index.html is revalidated so a new build is picked up.
    app.use(
      expressStaticGzip(webDir, {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        serveStatic: {
          index: 'index.html',
          maxAge: '1h',
          setHeaders: (res, path) => {
            if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
            else if (/[/\\]assets[/\\]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          },
        },
      }),
    );
    app.get('/{*path}', (_req, res) => res.sendFile(join(webDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  }
  app.use((req, _res, next) => next(new HttpProblem(404, 'Not found', `nothing is served at ${req.path.slice(0, 200)}`)));
  app.use(errors);
  return app;
}

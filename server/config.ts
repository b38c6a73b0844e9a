import { tmpdir } from 'node:os';
import { z } from 'zod';

/** Server configuration from the environment, validated once at start-up. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Loopback by default: set HOST=0.0.0.0 (or an address) to serve other machines, behind a proxy in production. */
  HOST: z.string().default('127.0.0.1'),
  TALENT_DATA_DIR: z.string().default('./data'),
  /** 'on' enforces roles (docs/access.md); anything else is the open demo mode, in which everyone sees everything. */
  TALENT_AUTH: z.enum(['on', 'off']).default('off'),
  /** How long a browser session lasts after sign-in. */
  SESSION_HOURS: z.coerce
    .number()
    .min(0.05)
    .max(24 * 30)
    .default(8),
  /** Mark the session and CSRF cookies Secure: set to true when the dashboard is served over HTTPS. */
  TALENT_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /**
   * Behind a reverse proxy, which addresses to trust for the client's own (X-Forwarded-For), as Express's
   * 'trust proxy' takes it: 'false' (default: the peer is the client), 'true', a hop count, or addresses
   * ('loopback', '10.0.0.0/8'). Rate limits and the audit log key on the client's address.
   */
  TRUST_PROXY: z.string().default('false'),
  /** A catalog query running longer than this is interrupted (503). */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Result cache budget. */
  CACHE_MB: z.coerce.number().min(0).max(8192).default(256),
  /** How often data/current is checked for a newer snapshot. */
  SNAPSHOT_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  DUCKDB_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  DUCKDB_MEMORY_LIMIT: z.string().default('4GB'),
  LOG_REQUESTS: z.enum(['true', 'false']).default('true'),
  /** Dataset exports one client may start a minute (429 beyond); 0 turns the limit off. */
  EXPORTS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(60),
  /**
   * Large dataset exports (and data packages) running at once, from all clients (503 with Retry-After beyond). Two:
   * on two cores more at once finish no sooner, and each one's sort and writer take cores from every other request.
   */
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * Temporary disk all running exports may hold together (MB), shared equally: each may hold this ÷ EXPORT_CONCURRENCY
   * (8 GB by default: a whole JSON export of 10 million training rows is about 5 GB), or less when the disk has less
   * free (refused below 1 MB); an export whose file outgrows it is stopped.
   */
  EXPORT_TEMP_BUDGET_MB: z.coerce.number().int().min(0).max(10_000_000).default(16_384),
  /** Where exports' temporary files go. */
  EXPORT_TEMP_DIR: z.string().default(tmpdir()),
  /** The largest file POST /api/submissions accepts (413 beyond), in MB. */
  SUBMISSION_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(50),
  /** Submissions one client may post a minute (429 beyond); 0 turns the limit off. */
  SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(10),
  /** Validations running at once, each a child process (503 with Retry-After beyond). */
  SUBMISSION_CHECKS: z.coerce.number().int().min(1).max(16).default(2),
  /** A validation still running after this is stopped and the submission refused, in seconds. */
  SUBMISSION_CHECK_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** Memory of one validation process: its DuckDB memory_limit and its JavaScript heap, each, in MB. */
  SUBMISSION_CHECK_MEMORY_MB: z.coerce.number().int().min(128).max(65_536).default(1024),
  /** 'spawn': an approval starts the ingest worker (a detached process); 'off': it is run separately. */
  SUBMISSION_WORKER: z.enum(['spawn', 'off']).default('spawn'),
});

export type Config = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

import { loadExports, loadRegistry } from '../queries/registry.js';
import { createAccessRuntime } from './access/runtime.js';
import { AllowedValues } from './allowed-values.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { ResultCache } from './result-cache.js';
import { SnapshotStore } from './snapshot-store.js';

/** Opens the live snapshot of a data directory and loads the catalogs: everything createApp needs. */
export async function createContext(
  config: Pick<
    Config,
    'TALENT_DATA_DIR' | 'QUERY_TIMEOUT_MS' | 'CACHE_MB' | 'SNAPSHOT_POLL_MS' | 'DUCKDB_THREADS' | 'DUCKDB_MEMORY_LIMIT'
  > &
    Partial<Pick<Config, 'TALENT_AUTH' | 'SESSION_HOURS' | 'TALENT_COOKIE_SECURE'>>,
): Promise<AppContext> {
  const settings: Record<string, string> = { memory_limit: config.DUCKDB_MEMORY_LIMIT };
  if (config.DUCKDB_THREADS) settings.threads = String(config.DUCKDB_THREADS);
  const store = new SnapshotStore(config.TALENT_DATA_DIR, settings);
  const cache = new ResultCache(config.CACHE_MB * 1024 * 1024);
  const allowed = new AllowedValues();
  store.onSwitch = (id) => {
    cache.retainSnapshot(id);
    allowed.retainSnapshot(id);
  };
  await store.start(config.SNAPSHOT_POLL_MS);
  const [queries, exports] = await Promise.all([loadRegistry(), loadExports()]);
  const access = await createAccessRuntime(config.TALENT_DATA_DIR, {
    mode: config.TALENT_AUTH === 'on' ? 'enforced' : 'open',
    sessionHours: config.SESSION_HOURS ?? 8,
    secureCookies: config.TALENT_COOKIE_SECURE === 'true',
  });
  return { store, queries, exports, cache, allowed, config, dataDir: config.TALENT_DATA_DIR, access };
}

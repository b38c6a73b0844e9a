import type { AccessRuntime } from './access/runtime.js';
import type { Config } from './config.js';
import type { Registry } from '../queries/registry.js';
import type { AllowedValues } from './allowed-values.js';
import type { ResultCache } from './result-cache.js';
import type { SnapshotStore } from './snapshot-store.js';

/** What the routes need, passed in (no module-level singletons). */
export interface AppContext {
  store: SnapshotStore;
  queries: Registry;
  exports: Registry;
  cache: ResultCache;
  allowed: AllowedValues;
  config: Pick<Config, 'QUERY_TIMEOUT_MS'>;
  /** The data directory: snapshots, and beside them the access state and the submissions' staging area. */
  dataDir: string;
  access: AccessRuntime;
}

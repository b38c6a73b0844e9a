import type { BenchData } from './data.js';
import type { ExportLatencyFigures } from './export-latency.js';
import type { ExportFigures } from './exports.js';
import type { CorrectionFigures } from './correction.js';
import type { IngestFigures } from './ingest.js';
import type { LoadFigures } from './load.js';
import type { Machine } from './machine.js';
import type { QueryFigures } from './queries.js';
import type { WebFigures } from './web.js';

/** Server memory at rest and under load, in MB (RSS of the server process). */
interface MemoryFigures {
  /** A server just started on the snapshot, before any request. */
  restAfterStartMb: number;
  /** The same server idle after every catalog query ran on it (result cache filled). */
  restAfterQueriesMb: number;
  underLoadPeakMb: { cacheOn: number; cacheOff: number };
  exportPeakMb: number;
}

/** Everything one benchmark run measured; written as bench/results/<date>-scale<N>.json. */
export interface BenchResult {
  meta: {
    startedAt: string;
    finishedAt: string;
    seconds: number;
    scale: number;
    machine: Machine;
    loadAverage: { start: number; end: number };
    settings: Record<string, unknown>;
  };
  data: Omit<BenchData, 'referenceDir' | 'filesDir' | 'trainingFile' | 'dataDir' | 'snapshotPath'>;
  ingest: IngestFigures[];
  /** A two-row correction, default snapshot against the benchmark's, and the retained snapshots' disk (absent in older results). */
  correction?: CorrectionFigures;
  queries: QueryFigures[];
  load: LoadFigures[];
  exports: ExportFigures[];
  /** A dashboard request's latency while many large exports are asked for at once (absent in older results). */
  exportLatency?: ExportLatencyFigures[];
  memory: MemoryFigures;
  web: WebFigures;
}

import type { OutputColumn } from '../../queries/lib/define.js';

/** What a result is, for the JSON envelope and the Arrow schema's metadata. */
export interface ResultMeta {
  /** Query or dataset name. */
  name: string;
  snapshot: string;
  params: Record<string, unknown>;
  /** Declared columns (labels, units), when the result comes from the catalog. */
  declared?: readonly OutputColumn[];
}

import type { OutputColumn } from '../../queries/lib/define.js';
import type { Lang } from '../format.js';
import type { Provenance } from '../provenance.js';

/** What a result is, for the JSON envelope, the Arrow schema's and the Parquet file's metadata, and CSV headers. */
export interface ResultMeta {
  /** Query or dataset name. */
  name: string;
  snapshot: string;
  params: Record<string, unknown>;
  /** Declared columns (labels, units), when the result comes from the catalog. */
  declared?: readonly OutputColumn[];
  /** Where the rows come from: JSON's `meta`, Parquet key-value and Arrow schema metadata. None: left out. */
  provenance?: Provenance | null;
  /** CSV headers in this language (labels with units); none: machine names. */
  lang?: Lang | null;
  /** CSV: start with a UTF-8 byte-order mark (default), which Excel and WPS need to read Chinese. */
  bom?: boolean;
}

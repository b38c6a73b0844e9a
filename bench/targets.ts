/** The performance targets, stated for the default scale (about 10 million training rows) on this kind of machine. */
export const targets = {
  queryInProcessP50Ms: 20,
  queryInProcessP95Ms: 50,
  queryHttpP50Ms: 25,
  ingestCsvRatio: 0.8,
  ingestParquetRatio: 0.9,
  /** A two-row correction into the benchmark's snapshot against the same into the default one (at most). */
  correctionRatio: 1.25,
  /** Every retained snapshot's file together against the live one's (at most). */
  retainedDiskRatio: 1.5,
  cachedRequestsPerSecond: 5000,
  cachedP99Ms: 20,
  csvExportRssGrowthMb: 100,
  /** The export size the RSS target is stated for. */
  csvExportRows: 1_000_000,
  /** The training export as Arrow against JSON: at least this much faster to the last byte, at most this share of its bytes. */
  arrowSpeedupOverJson: 1.5,
  arrowBytesOfJson: 0.25,
  parquetSpeedupOverJson: 2,
  firstChartMs: 1000,
  /** First chart over a provincial office's link (bench/web.ts slowLink), empty browser cache. */
  firstChartSlowLinkMs: 3000,
  /** Requests to /api/ the overview makes from navigation until every card is drawn (at most). */
  overviewApiRequests: 10,
  /** A filter change (year, province, programme) redrawing every card of the overview, p50 on a warm server (at most). */
  redrawP50Ms: 150,
} as const;

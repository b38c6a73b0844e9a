import type { RowOf } from '../core/wire.js';
import annualTargetPath from './annual-target-path.js';
import annualTargetProgress from './annual-target-progress.js';
import catalogueInProvince from './catalogue-in-province.js';
import competitionResults from './competition-results.js';
import competitionTrend from './competition-trend.js';
import multiYearTargetProgress from './multi-year-target-progress.js';
import povertyAreas from './poverty-areas.js';
import povertyCounties from './poverty-counties.js';
import povertyPrefectures from './poverty-prefectures.js';
import prefectureTrend from './prefecture-trend.js';
import programmeHeadlines from './programme-headlines.js';
import provinceTargetLeague from './province-target-league.js';
import publishedFigures from './published-figures.js';
import regionComparison from './region-comparison.js';
import regionProfile from './region-profile.js';
import shortageOccupations from './shortage-occupations.js';
import talentGap from './talent-gap.js';
import talentStock from './talent-stock.js';
import trainingByRegion from './training-by-region.js';
import trainingTrend from './training-trend.js';
import zonePressure from './zone-pressure.js';
import zoneTightestOccupations from './zone-tightest-occupations.js';
import competitionExport from './exports/competition.js';
import laborMarketExport from './exports/labor_market.js';
import publishedExport from './exports/published.js';
import referenceListsExport from './exports/reference-lists.js';
import regionExport from './exports/region.js';
import talentStockExport from './exports/talent_stock.js';
import targetExport from './exports/target.js';
import trainingExport from './exports/training.js';

/**
 * The wire contract of the catalog: every analytic and dataset export by the name it is served under, and the
 * row type each returns, derived from its declared columns. The server's registry is built from these maps;
 * the web app imports the row types (type-only), so a renamed or retyped column fails the web type check.
 */
export const analytics = {
  'annual-target-path': annualTargetPath,
  'annual-target-progress': annualTargetProgress,
  'catalogue-in-province': catalogueInProvince,
  'competition-results': competitionResults,
  'competition-trend': competitionTrend,
  'multi-year-target-progress': multiYearTargetProgress,
  'poverty-areas': povertyAreas,
  'poverty-counties': povertyCounties,
  'poverty-prefectures': povertyPrefectures,
  'prefecture-trend': prefectureTrend,
  'programme-headlines': programmeHeadlines,
  'province-target-league': provinceTargetLeague,
  'published-figures': publishedFigures,
  'region-comparison': regionComparison,
  'region-profile': regionProfile,
  'shortage-occupations': shortageOccupations,
  'talent-gap': talentGap,
  'talent-stock': talentStock,
  'training-by-region': trainingByRegion,
  'training-trend': trainingTrend,
  'zone-pressure': zonePressure,
  'zone-tightest-occupations': zoneTightestOccupations,
};

export const datasetExports = {
  competition: competitionExport,
  labor_market: laborMarketExport,
  published: publishedExport,
  'reference-lists': referenceListsExport,
  region: regionExport,
  talent_stock: talentStockExport,
  target: targetExport,
  training: trainingExport,
};

export type QueryName = keyof typeof analytics;
export type DatasetName = keyof typeof datasetExports;

/** The row type of each analytic: `QueryRows['training-by-region']`. */
export type QueryRows = { [N in QueryName]: RowOf<(typeof analytics)[N]> };

/** The row type of each dataset export. */
export type DatasetRows = { [N in DatasetName]: RowOf<(typeof datasetExports)[N]> };

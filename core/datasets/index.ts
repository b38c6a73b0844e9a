import { competition, laborMarket, talentStock, training } from './facts.js';
import { published } from './published.js';
import { action, competitionEvent, field, occupation, program, region, regionZone, target, zone, zoneOccupation } from './reference.js';
import type { DatasetSpec } from './types.js';

export type { ColumnSpec, ColumnType, DatasetSpec } from './types.js';
export { keyColumns, isRequired } from './types.js';

/** Every dataset, in load order: a dataset comes after those it references. */
export const datasets: readonly DatasetSpec[] = [
  region,
  zone,
  regionZone,
  action,
  program,
  field,
  occupation,
  zoneOccupation,
  competitionEvent,
  target,
  training,
  laborMarket,
  competition,
  talentStock,
  published,
];

export const factDatasets = datasets.filter((d) => d.kind === 'fact');

export function datasetByName(name: string): DatasetSpec | undefined {
  return datasets.find((d) => d.name === name);
}

// @terraformer/wkt ships no type declarations; this is the one function the shape build uses.
declare module '@terraformer/wkt' {
  import type { Geometry } from 'geojson';
  export function wktToGeoJSON(wkt: string): Geometry;
}

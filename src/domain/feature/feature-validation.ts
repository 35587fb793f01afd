// Validation of a feature before it is written; the same rules stand as check constraints on
// public.features (see the migration create_ledger_tables), this one gives the UI a reason code.
import type { Geometry, Position } from 'geojson';
import kinks from '@turf/kinks';
import { btrim } from '../sql-text';
import { FEATURE_ID_PATTERN, isAreaKind, isFeatureKind } from './kinds';

export type FeatureInvalidReason =
  | 'bad_id'
  | 'bad_kind'
  | 'empty_name'
  | 'name_too_long'
  | 'geometry_kind_mismatch'
  | 'coordinates_out_of_range'
  | 'empty_geometry'
  | 'invalid_geometry';

/** Reasons only the database can tell (it holds the township list and district outlines). */
export type FeatureEditReason = FeatureInvalidReason | 'township_outside_district' | 'outside_district';

export type Validation<R extends string> = { ok: true } | { ok: false; reason: R };

export interface FeatureDraft {
  id: string;
  kind: string;
  name: string;
  geometry: Geometry;
}

function positions(geometry: Geometry): number[][] {
  switch (geometry.type) {
    case 'Point':
      // `"coordinates": []` is POINT EMPTY to PostGIS.
      return geometry.coordinates.length === 0 ? [] : [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

export function validateFeature(draft: FeatureDraft): Validation<FeatureInvalidReason> {
  if (!FEATURE_ID_PATTERN.test(draft.id)) return { ok: false, reason: 'bad_id' };
  if (!isFeatureKind(draft.kind)) return { ok: false, reason: 'bad_kind' };
  const name = btrim(draft.name);
  if (name.length === 0) return { ok: false, reason: 'empty_name' };
  if ([...name].length > 200) return { ok: false, reason: 'name_too_long' };
  const wantsArea = isAreaKind(draft.kind);
  const isArea = draft.geometry.type === 'Polygon' || draft.geometry.type === 'MultiPolygon';
  if (wantsArea ? !isArea : draft.geometry.type !== 'Point') {
    return { ok: false, reason: 'geometry_kind_mismatch' };
  }
  const coords = positions(draft.geometry);
  if (coords.length === 0) return { ok: false, reason: 'empty_geometry' };
  // Exactly [lon, lat]: features.geom is two-dimensional, and PostGIS refuses a height
  // ("Geometry has Z dimension but column does not").
  const inRange = coords.every(
    ([lon, lat, ...more]) =>
      more.length === 0 &&
      Number.isFinite(lon) &&
      Number.isFinite(lat) &&
      Math.abs(lon!) <= 180 &&
      Math.abs(lat!) <= 90,
  );
  if (!inRange) return { ok: false, reason: 'coordinates_out_of_range' };
  if (!isSimpleArea(draft.geometry)) return { ok: false, reason: 'invalid_geometry' };
  return { ok: true };
}

const closedRing = (ring: Position[]) =>
  ring.length >= 4 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];

/**
 * What ST_IsValid says of an outline drawn by hand: every ring closed with at least three
 * corners, and no edge crossing another. (Holes outside their shell are left to the database.)
 */
function isSimpleArea(geometry: Geometry): boolean {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return true;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!polygons.every((rings) => rings.every(closedRing))) return false;
  return kinks(geometry).features.length === 0;
}

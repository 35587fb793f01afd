import type { FeatureKind } from '../../domain/feature/kinds';
import type { BBox, FeaturesInView } from '../../domain/ledger/types';
import type { Backend } from '../backend';
import { useBackend } from '../backend-context';
import { useQuery } from '../use-query';

/** Clamps and rounds a view so that tiny pans reuse the same request key. */
export function normalizeBBox([minLon, minLat, maxLon, maxLat]: BBox): BBox {
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return [
    r(Math.max(-180, minLon)),
    r(Math.max(-90, minLat)),
    r(Math.min(180, maxLon)),
    r(Math.min(90, maxLat)),
  ];
}

export function getFeaturesInView(
  backend: Backend,
  bbox: BBox,
  kinds: FeatureKind[] | null,
): Promise<FeaturesInView> {
  const [min_lon, min_lat, max_lon, max_lat] = normalizeBBox(bbox);
  return backend.call('features_in_view', { min_lon, min_lat, max_lon, max_lat, kinds });
}

/** `revision` asks again for the same view after an edit. */
export function useFeaturesInView(
  bbox: BBox | null,
  kinds: FeatureKind[] | null,
  enabled: boolean,
  revision = 0,
) {
  const backend = useBackend();
  const key = enabled && bbox ? JSON.stringify([normalizeBBox(bbox), kinds]) : null;
  return useQuery(key, () => getFeaturesInView(backend, bbox!, kinds), revision);
}

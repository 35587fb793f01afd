// Loads the bundled boundary files once for the basemap's labels.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { basemapLabels } from '../../map/basemap/basemap-labels';
import type { BasemapLabel } from '../../map/layers/basemap-labels.layer';
import { BASEMAP_URLS } from '../../map/basemap/basemap-style';

type Labels = { major: BasemapLabel[]; townships: BasemapLabel[] };
type Sources = [
  FeatureCollection<MultiPolygon>,
  FeatureCollection<Polygon | MultiPolygon>,
  FeatureCollection<LineString>,
];
const EMPTY: Labels = { major: [], townships: [] };

/** Fetched once; a language switch only relabels. */
export function useBasemapLabels(schematicSuffix: string): Labels {
  const [sources, setSources] = useState<Sources | null>(null);
  useEffect(() => {
    let current = true;
    const load = <T>(url: string) => fetch(url).then((r) => r.json() as Promise<T>);
    Promise.all([
      load<Sources[0]>(BASEMAP_URLS.districts),
      load<Sources[1]>(BASEMAP_URLS.townships),
      load<Sources[2]>(BASEMAP_URLS.river),
    ]).then(
      (loaded) => current && setSources(loaded),
      () => undefined, // the basemap still draws without labels
    );
    return () => {
      current = false;
    };
  }, []);
  return useMemo(
    () => (sources ? basemapLabels(...sources, schematicSuffix) : EMPTY),
    [sources, schematicSuffix],
  );
}

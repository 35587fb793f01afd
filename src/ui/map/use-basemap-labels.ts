// Loads the bundled boundary files once for the basemap's labels.
import { useEffect, useState } from 'react';
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { basemapLabels } from '../../map/basemap/basemap-labels';
import type { BasemapLabel } from '../../map/layers/basemap-labels.layer';
import { BASEMAP_URLS } from '../../map/basemap/basemap-style';

type Labels = { major: BasemapLabel[]; townships: BasemapLabel[] };
const EMPTY: Labels = { major: [], townships: [] };

export function useBasemapLabels(schematicSuffix: string): Labels {
  const [labels, setLabels] = useState<Labels>(EMPTY);
  useEffect(() => {
    let current = true;
    const load = <T>(url: string) => fetch(url).then((r) => r.json() as Promise<T>);
    Promise.all([
      load<FeatureCollection<MultiPolygon>>(BASEMAP_URLS.districts),
      load<FeatureCollection<Polygon | MultiPolygon>>(BASEMAP_URLS.townships),
      load<FeatureCollection<LineString>>(BASEMAP_URLS.river),
    ]).then(
      ([d, t, r]) => current && setLabels(basemapLabels(d, t, r, schematicSuffix)),
      () => undefined, // the basemap still draws without labels
    );
    return () => {
      current = false;
    };
  }, [schematicSuffix]);
  return labels;
}

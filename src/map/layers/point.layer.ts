import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { MapFeature } from '../../domain/ledger/types';
import { LABEL_FONT, LAYER_COLORS } from '../layer-styles';

type PointFeature = MapFeature & { geometry: { type: 'Point'; coordinates: [number, number] } };

const position = (f: PointFeature) => f.geometry.coordinates;

/** Point features that are not stations: pollution sources and sewage outlets, by kind colour. */
export function pointLayer(features: PointFeature[]) {
  return new ScatterplotLayer<PointFeature>({
    id: 'points',
    data: features,
    pickable: true,
    getPosition: position,
    getFillColor: (f) => LAYER_COLORS[f.properties.kind],
    getLineColor: [255, 255, 255, 255],
    stroked: true,
    lineWidthMinPixels: 1,
    getRadius: (f) => (f.properties.kind === 'sewage_outlet' ? 6 : 4),
    radiusUnits: 'pixels',
  });
}

/** Aggregated sources (when a view holds more than the API's max_features). */
export function clusterLayers(clusters: PointFeature[]) {
  return [
    new ScatterplotLayer<PointFeature>({
      id: 'clusters',
      data: clusters,
      pickable: true,
      getPosition: position,
      getFillColor: (f) =>
        [...LAYER_COLORS[f.properties.kind].slice(0, 3), 190] as [number, number, number, number],
      getLineColor: [255, 255, 255, 255],
      stroked: true,
      lineWidthMinPixels: 1.5,
      getRadius: (f) => 7 + 3 * Math.log2(f.properties.count ?? 1),
      radiusUnits: 'pixels',
    }),
    new TextLayer<PointFeature>({
      id: 'cluster-labels',
      data: clusters,
      getPosition: position,
      getText: (f) => String(f.properties.count ?? ''),
      getSize: 11,
      getColor: [255, 255, 255, 255],
      fontFamily: LABEL_FONT,
      fontWeight: 600,
      characterSet: '0123456789',
    }),
  ];
}

export type { PointFeature };

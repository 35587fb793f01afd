import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import { withAlpha, type RGBA } from '../layer-styles';

/** A halo around features: the highlighted task's features, or the selected feature. */
export function haloLayer(id: 'task-highlight' | 'selection', features: Feature<Geometry>[], color: RGBA) {
  return new GeoJsonLayer({
    id,
    data: features,
    pickable: false,
    stroked: true,
    filled: true,
    pointType: 'circle',
    getFillColor: withAlpha(color, id === 'selection' ? 60 : 40),
    getLineColor: color,
    getLineWidth: id === 'selection' ? 4 : 3,
    lineWidthUnits: 'pixels',
    getPointRadius: id === 'selection' ? 14 : 10,
    pointRadiusUnits: 'pixels',
  });
}

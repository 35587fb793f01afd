import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import { draftGeometry, type GeometryDraft } from '../../domain/feature/geometry-draft';
import { DRAFT_COLOR, withAlpha } from '../layer-styles';

/**
 * What a planner is drawing: the outline so far (a line until it has three corners) and a dot on
 * every corner, above everything else and never pickable, so clicks reach the map.
 */
export function draftLayer(draft: GeometryDraft) {
  const shape = draftGeometry(draft);
  const features: Feature<Geometry>[] = draft.vertices.map((p) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: p },
  }));
  if (shape && shape.type !== 'Point') features.unshift({ type: 'Feature', properties: {}, geometry: shape });
  else if (draft.vertices.length === 2)
    features.unshift({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: draft.vertices },
    });
  return new GeoJsonLayer({
    id: 'geometry-draft',
    data: features,
    pickable: false,
    stroked: true,
    filled: true,
    pointType: 'circle',
    getFillColor: withAlpha(DRAFT_COLOR, 70),
    getLineColor: DRAFT_COLOR,
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    getPointRadius: 6,
    pointRadiusUnits: 'pixels',
  });
}

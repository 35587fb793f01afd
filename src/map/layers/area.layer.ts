import { GeoJsonLayer } from '@deck.gl/layers';
import type { FeatureKind } from '../../domain/feature/kinds';
import type { MapFeature } from '../../domain/ledger/types';
import { LAYER_COLORS, withAlpha } from '../layer-styles';

/** Area features of one kind: truck restriction areas, coal-ban zones, mines. */
export function areaLayer(kind: FeatureKind, features: MapFeature[]) {
  const color = LAYER_COLORS[kind];
  return new GeoJsonLayer({
    id: `area-${kind}`,
    data: features,
    pickable: true,
    stroked: true,
    filled: true,
    getFillColor: withAlpha(color, kind === 'mine' ? 150 : 45),
    getLineColor: withAlpha(color, 230),
    getLineWidth: kind === 'mine' ? 1 : 2,
    lineWidthUnits: 'pixels',
  });
}

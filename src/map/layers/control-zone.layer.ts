import { GeoJsonLayer } from '@deck.gl/layers';
import type { ControlZone } from '../../domain/ledger/types';
import { LAYER_COLORS, withAlpha } from '../layer-styles';

/** The derived 1 km control zones of stations (computed in PostGIS, never stored). */
export function controlZoneLayer(zones: ControlZone[], highlightedStationIds: ReadonlySet<string>) {
  const color = LAYER_COLORS.control_zone;
  return new GeoJsonLayer<ControlZone['properties']>({
    id: 'control-zones',
    data: zones,
    pickable: true,
    stroked: true,
    filled: true,
    getFillColor: (f) => withAlpha(color, highlightedStationIds.has(f.properties.station_id) ? 70 : 30),
    getLineColor: withAlpha(color, 220),
    getLineWidth: (f) => (highlightedStationIds.has(f.properties.station_id) ? 3 : 1.5),
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: [...highlightedStationIds], getLineWidth: [...highlightedStationIds] },
  });
}

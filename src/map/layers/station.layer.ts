import { IconLayer, TextLayer } from '@deck.gl/layers';
import { STATION_LEVELS, type StationLevel } from '../../domain/feature/kinds';
import { LABEL_FONT, stationIconUrl } from '../layer-styles';
import type { PointFeature } from './point.layer';

const levelOf = (f: PointFeature): StationLevel =>
  STATION_LEVELS.find((l) => l === f.properties.level) ?? '区控';

/** Monitoring stations, one symbol per level (国控/省控/市控/区控), with their names. */
export function stationLayers(stations: PointFeature[], showLabels: boolean) {
  return [
    new IconLayer<PointFeature>({
      id: 'stations',
      data: stations,
      pickable: true,
      getPosition: (f) => f.geometry.coordinates,
      getIcon: (f) => {
        const level = levelOf(f);
        return { id: `station-${level}`, url: stationIconUrl(level), width: 48, height: 48 };
      },
      getSize: (f) => (levelOf(f) === '国控' ? 30 : 24),
      sizeUnits: 'pixels',
    }),
    new TextLayer<PointFeature>({
      id: 'station-labels',
      data: stations,
      visible: showLabels,
      getPosition: (f) => f.geometry.coordinates,
      getText: (f) => f.properties.name ?? '',
      getSize: 13,
      getPixelOffset: [0, -22],
      getColor: [40, 20, 20, 255],
      outlineWidth: 4,
      outlineColor: [255, 255, 255, 230],
      fontSettings: { sdf: true },
      fontFamily: LABEL_FONT,
      characterSet: 'auto',
    }),
  ];
}

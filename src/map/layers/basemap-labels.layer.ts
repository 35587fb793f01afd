import { TextLayer } from '@deck.gl/layers';
import { LABEL_FONT } from '../layer-styles';

export interface BasemapLabel {
  text: string;
  position: [number, number];
  kind: 'district' | 'township' | 'river';
}

/**
 * Names of districts, (schematic) townships and the Yellow River, drawn by deck.gl so that no
 * glyph server is needed. Township names appear from zoom 10.
 */
export function basemapLabelLayers(
  labels: { major: BasemapLabel[]; townships: BasemapLabel[] },
  zoom: number,
) {
  const common = {
    getPosition: (l: BasemapLabel) => l.position,
    getText: (l: BasemapLabel) => l.text,
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 210] as [number, number, number, number],
    fontSettings: { sdf: true },
    fontFamily: LABEL_FONT,
    characterSet: 'auto' as const,
  };
  return [
    new TextLayer<BasemapLabel>({
      ...common,
      id: 'basemap-labels',
      data: labels.major,
      getSize: (l) => (l.kind === 'district' ? 18 : 13),
      getColor: (l) => (l.kind === 'river' ? [40, 100, 160, 255] : [50, 60, 50, 255]),
      fontWeight: 600,
    }),
    new TextLayer<BasemapLabel>({
      ...common,
      id: 'township-labels',
      data: labels.townships,
      visible: zoom >= 10,
      getSize: 12,
      getColor: [105, 115, 105, 255],
    }),
  ];
}

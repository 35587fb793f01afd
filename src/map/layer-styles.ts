// Colours and symbols of every layer; the legend and the layer factories both read them.
import type { LayerKind, StationLevel } from '../domain/feature/kinds';

export type RGBA = [number, number, number, number];

/** Draw order, bottom to top, and the order of the legend. */
export const LAYER_ORDER: readonly LayerKind[] = [
  'coal_ban_zone',
  'truck_restriction',
  'control_zone',
  'mine',
  'bare_soil',
  'coal_yard',
  'construction_site',
  'enterprise',
  'restaurant',
  'sewage_outlet',
  'station',
];

export const LAYER_COLORS: Record<LayerKind, RGBA> = {
  station: [200, 30, 45, 255],
  control_zone: [220, 60, 60, 255],
  truck_restriction: [235, 140, 20, 255],
  coal_ban_zone: [120, 90, 160, 255],
  sewage_outlet: [20, 110, 200, 255],
  mine: [140, 90, 50, 255],
  enterprise: [90, 90, 110, 255],
  construction_site: [230, 170, 0, 255],
  restaurant: [230, 90, 140, 255],
  coal_yard: [40, 40, 40, 255],
  bare_soil: [170, 130, 80, 255],
};

export function withAlpha([r, g, b]: RGBA, alpha: number): RGBA {
  return [r, g, b, alpha];
}

export const HIGHLIGHT_COLOR: RGBA = [0, 200, 255, 255];
export const SELECTED_COLOR: RGBA = [255, 230, 0, 255];
/** A position or outline being drawn (magenta: unlike any layer's colour). */
export const DRAFT_COLOR: RGBA = [230, 0, 160, 255];

/** Station symbols by level: 国控 star, 省控 triangle, 市控 square, 区控 circle. */
const STATION_SHAPES: Record<StationLevel, string> = {
  国控: '<path d="M12 1.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.6l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z"/>',
  省控: '<path d="M12 2.5l10 18H2z"/>',
  市控: '<rect x="3.5" y="3.5" width="17" height="17" rx="1.5"/>',
  区控: '<circle cx="12" cy="12" r="8.5"/>',
};
const STATION_FILLS: Record<StationLevel, string> = {
  国控: '#c81e2d',
  省控: '#e8700a',
  市控: '#1f6fd1',
  区控: '#2f9e44',
};

export function stationIconUrl(level: StationLevel): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24"><g fill="${STATION_FILLS[level]}" stroke="#fff" stroke-width="1.6" stroke-linejoin="round">${STATION_SHAPES[level]}</g></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export const LABEL_FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

// The maplibre style: an offline basemap from bundled data (district and city boundaries,
// schematic townships, the Yellow River), optionally under an online raster basemap. Labels are
// drawn by deck.gl (src/map/layers/basemap-labels.layer.ts): maplibre would need glyph files
// from a server for Chinese text.
import type {
  BackgroundLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  RasterLayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import citiesUrl from '../../../data/geo/cities_wgs84.geojson?url';
import districtsUrl from '../../../data/geo/districts_wgs84.geojson?url';
import townshipsUrl from '../../../data/geo/townships_c2000_schematic.geojson?url';
import riverUrl from '../../../data/geo/yellow_river_ne10m.geojson?url';

export type BasemapChoice = 'offline' | 'osm' | 'tianditu';
export const BASEMAP_CHOICES: readonly BasemapChoice[] = ['offline', 'osm', 'tianditu'];

/** The bundled boundary files, also read for the basemap's labels. */
export const BASEMAP_URLS = {
  cities: citiesUrl,
  districts: districtsUrl,
  townships: townshipsUrl,
  river: riverUrl,
} as const;

const BACKGROUND: BackgroundLayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': '#eef1ec' },
};
const CITY_FILL: FillLayerSpecification = {
  id: 'city-fill',
  type: 'fill',
  source: 'cities',
  paint: { 'fill-color': '#f7f7f2', 'fill-opacity': 0.9 },
};
const CITY_LINE: LineLayerSpecification = {
  id: 'city-line',
  type: 'line',
  source: 'cities',
  paint: { 'line-color': '#9aa39a', 'line-width': 1 },
};
const DISTRICT_FILL: FillLayerSpecification = {
  id: 'district-fill',
  type: 'fill',
  source: 'districts',
  paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.75 },
};
const TOWNSHIP_LINE: LineLayerSpecification = {
  id: 'township-line',
  type: 'line',
  source: 'townships',
  minzoom: 9,
  paint: { 'line-color': '#a7b0a7', 'line-width': 0.8, 'line-dasharray': [3, 2] },
};
const DISTRICT_LINE: LineLayerSpecification = {
  id: 'district-line',
  type: 'line',
  source: 'districts',
  paint: { 'line-color': '#5c6b5c', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 13, 3] },
};
const RIVER_LINE: LineLayerSpecification = {
  id: 'yellow-river',
  type: 'line',
  source: 'river',
  paint: { 'line-color': '#7fb1d6', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 2, 13, 8] },
};
const ONLINE_RASTER: RasterLayerSpecification = {
  id: 'online-basemap',
  type: 'raster',
  source: 'online',
};

function onlineSource(choice: BasemapChoice, tiandituKey: string): SourceSpecification | null {
  if (choice === 'osm') {
    return {
      type: 'raster',
      tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
      tileSize: 256,
      maxzoom: 19,
      attribution: '© OpenStreetMap contributors',
    };
  }
  if (choice === 'tianditu' && tiandituKey) {
    return {
      type: 'raster',
      tiles: [0, 1, 2, 3].map(
        (n) =>
          `https://t${n}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(tiandituKey)}`,
      ),
      tileSize: 256,
      maxzoom: 18,
      attribution: '© 天地图',
    };
  }
  return null;
}

export function basemapStyle(choice: BasemapChoice, tiandituKey = ''): StyleSpecification {
  const online = onlineSource(choice, tiandituKey);
  return {
    version: 8,
    sources: {
      cities: { type: 'geojson', data: citiesUrl },
      districts: { type: 'geojson', data: districtsUrl },
      townships: { type: 'geojson', data: townshipsUrl },
      river: { type: 'geojson', data: riverUrl },
      ...(online ? { online } : {}),
    },
    layers: online
      ? [BACKGROUND, ONLINE_RASTER, TOWNSHIP_LINE, DISTRICT_LINE, RIVER_LINE]
      : [BACKGROUND, CITY_FILL, CITY_LINE, DISTRICT_FILL, TOWNSHIP_LINE, RIVER_LINE, DISTRICT_LINE],
  };
}

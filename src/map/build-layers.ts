// All deck.gl layers of the map from data and UI state: a pure function, called every render;
// layer ids are stable so deck.gl diffs instead of rebuilding.
import type { Layer } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import { isAreaKind, type FeatureKind, type LayerKind } from '../domain/feature/kinds';
import type { GeometryDraft } from '../domain/feature/geometry-draft';
import type { ControlZone, FeaturesInView, MapFeature } from '../domain/ledger/types';
import { HIGHLIGHT_COLOR, LAYER_ORDER, SELECTED_COLOR } from './layer-styles';
import { areaLayer } from './layers/area.layer';
import { basemapLabelLayers, type BasemapLabel } from './layers/basemap-labels.layer';
import { controlZoneLayer } from './layers/control-zone.layer';
import { draftLayer } from './layers/draft.layer';
import { haloLayer } from './layers/highlight.layer';
import { clusterLayers, pointLayer, type PointFeature } from './layers/point.layer';
import { stationLayers } from './layers/station.layer';

/** A features_in_view answer split by how it is drawn; build once per answer (memoize). */
export interface SplitView {
  areas: Map<FeatureKind, MapFeature[]>;
  pointsByKind: Map<FeatureKind, PointFeature[]>;
  clustersByKind: Map<FeatureKind, PointFeature[]>;
  zones: ControlZone[];
}

export function splitView(view: FeaturesInView): SplitView {
  const split: SplitView = {
    areas: new Map(),
    pointsByKind: new Map(),
    clustersByKind: new Map(),
    zones: [],
  };
  const push = <T>(map: Map<FeatureKind, T[]>, kind: FeatureKind, item: T) => {
    const list = map.get(kind);
    if (list) list.push(item);
    else map.set(kind, [item]);
  };
  for (const f of view.features) {
    const kind = f.properties.kind;
    if (isAreaKind(kind) && f.geometry.type !== 'Point') push(split.areas, kind, f);
    else if (f.properties.cluster) push(split.clustersByKind, kind, f as PointFeature);
    else push(split.pointsByKind, kind, f as PointFeature);
  }
  split.zones = view.zones?.features ?? [];
  return split;
}

/** What is drawn, given the layer toggles; memoize on (split view, toggles). */
export interface VisibleFeatures {
  areas: [FeatureKind, MapFeature[]][];
  points: PointFeature[];
  clusters: PointFeature[];
  stations: PointFeature[];
  zones: ControlZone[];
}

export function visibleFeatures(view: SplitView, visible: ReadonlySet<LayerKind>): VisibleFeatures {
  const of = <T>(byKind: Map<FeatureKind, T[]>, kinds: readonly LayerKind[]) =>
    kinds.flatMap((k) => (k !== 'control_zone' && visible.has(k) ? (byKind.get(k) ?? []) : []));
  const pointKinds = LAYER_ORDER.filter((k) => k !== 'station' && k !== 'control_zone' && !isAreaKind(k));
  return {
    areas: LAYER_ORDER.flatMap((k) =>
      k !== 'control_zone' && isAreaKind(k) ? [[k, visible.has(k) ? (view.areas.get(k) ?? []) : []]] : [],
    ) as [FeatureKind, MapFeature[]][],
    points: of(view.pointsByKind, pointKinds),
    clusters: of(view.clustersByKind, LAYER_ORDER),
    stations: of(view.pointsByKind, ['station']),
    zones: visible.has('control_zone') ? view.zones : [],
  };
}

export interface MapLayerState {
  drawn: VisibleFeatures | null;
  highlight: { features: Feature<Geometry>[]; stationIds: ReadonlySet<string> } | null;
  selection: Feature<Geometry> | null;
  /** A position or outline being drawn, drawn above all. */
  draft: GeometryDraft | null;
  labels: { major: BasemapLabel[]; townships: BasemapLabel[] };
  zoom: number;
}

const NONE: ReadonlySet<string> = new Set();

export function buildLayers({ drawn, highlight, selection, draft, labels, zoom }: MapLayerState): Layer[] {
  const layers: Layer[] = [];
  if (drawn) {
    // Areas first (zones under mines), then control zones, then points on top.
    for (const [kind, features] of drawn.areas) {
      if (kind !== 'mine') layers.push(areaLayer(kind, features));
    }
    layers.push(controlZoneLayer(drawn.zones, highlight?.stationIds ?? NONE));
    for (const [kind, features] of drawn.areas) {
      if (kind === 'mine') layers.push(areaLayer(kind, features));
    }
    layers.push(pointLayer(drawn.points), ...clusterLayers(drawn.clusters));
  }
  if (highlight) layers.push(haloLayer('task-highlight', highlight.features, HIGHLIGHT_COLOR));
  if (drawn) layers.push(...stationLayers(drawn.stations, zoom >= 9));
  if (selection) layers.push(haloLayer('selection', [selection], SELECTED_COLOR));
  layers.push(...basemapLabelLayers(labels, zoom));
  if (draft) layers.push(draftLayer(draft));
  return layers;
}

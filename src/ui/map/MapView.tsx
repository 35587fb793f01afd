// The map: maplibre for the basemap, one MapboxOverlay bridge for every deck.gl layer. Layers
// come in as props (built by src/map/build-layers.ts); this component never adds map layers.
import { useEffect, useRef } from 'react';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type StyleSpecification,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { BBox } from '../../domain/ledger/types';

// After a build maplibre cannot find its own worker unless told where it is.
setWorkerUrl(maplibreWorkerUrl);

export const INITIAL_BOUNDS: BBox = [112.7, 33.68, 113.82, 34.99];

export interface FitRequest {
  bbox: BBox;
  maxZoom: number;
  /** The map fits again whenever the key changes. */
  key: string;
}

interface Props {
  style: StyleSpecification;
  layers: Layer[];
  /** Where the route wants the map (a feature, a task's features). */
  fit: FitRequest | null;
  /** Where a click on the map wants it (into a cluster). */
  zoomTo: FitRequest | null;
  onViewChange: (bbox: BBox, zoom: number) => void;
  onPick: (info: PickingInfo) => void;
  tooltip: (info: PickingInfo) => string | null;
  onFirstPaint: () => void;
  /** A position or outline is being drawn: clicks place corners, so a quick pair must not zoom. */
  drawing: boolean;
}

export function MapView({
  style,
  layers,
  fit,
  zoomTo,
  onViewChange,
  onPick,
  tooltip,
  onFirstPaint,
  drawing,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const callbacks = useRef({ onViewChange, onPick, tooltip, onFirstPaint });
  useEffect(() => {
    callbacks.current = { onViewChange, onPick, tooltip, onFirstPaint };
  });

  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!,
      style,
      bounds: INITIAL_BOUNDS,
      fitBoundsOptions: { padding: 20 },
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onClick: (info) => callbacks.current.onPick(info),
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
      // Text, never HTML: names are typed by users.
      getTooltip: (info) => {
        const text = callbacks.current.tooltip(info);
        return text ? { text } : null;
      },
    });
    map.addControl(overlay);
    const report = () => {
      const b = map.getBounds();
      callbacks.current.onViewChange([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom());
    };
    map.on('moveend', report);
    map.once('load', () => {
      report();
      callbacks.current.onFirstPaint();
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    return () => {
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
    // The map is created once; style changes go through setStyle below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (map && map.isStyleLoaded()) map.setStyle(style);
  }, [style]);

  useEffect(() => {
    overlayRef.current?.setProps({ layers });
  }, [layers]);

  useEffect(() => {
    const zoom = mapRef.current?.doubleClickZoom;
    if (drawing) zoom?.disable();
    else zoom?.enable();
  }, [drawing]);

  const fitTo = (request: FitRequest | null) => {
    const map = mapRef.current;
    if (!map || !request) return;
    const [minLon, minLat, maxLon, maxLat] = request.bbox;
    map.fitBounds(
      [
        [minLon, minLat],
        [maxLon, maxLat],
      ],
      { padding: { top: 80, bottom: 60, left: 280, right: 420 }, maxZoom: request.maxZoom, duration: 600 },
    );
  };
  // Keyed: a new answer for the same place does not move the map again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => fitTo(fit), [fit?.key]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => fitTo(zoomTo), [zoomTo?.key]);

  return <div ref={container} className="map" data-testid="map" />;
}

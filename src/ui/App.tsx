// The map ledger: map with layers and legend, search, and the side panel of a feature or task.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import { FEATURE_KINDS, type LayerKind } from '../domain/feature/kinds';
import type { BBox, MapFeatureProps } from '../domain/ledger/types';
import { useFeatureDetail } from '../data/features/feature-detail';
import { useFeaturesInView } from '../data/features/features-in-view';
import { useTaskFeatures } from '../data/tasks/task-features';
import { useBackendStatus } from '../data/use-backend-status';
import type { BackendError } from '../data/backend';
import { useI18n, type Translate } from '../i18n/i18n';
import { basemapStyle, type BasemapChoice } from '../map/basemap/basemap-style';
import { buildLayers, splitView, visibleFeatures } from '../map/build-layers';
import { MapView, type FitRequest } from './map/MapView';
import { useBasemapLabels } from './map/use-basemap-labels';
import { usePersistentState } from './use-persistent-state';
import { Legend } from './legend/Legend';
import { SearchBox } from './search/SearchBox';
import { FeaturePanel } from './panel/FeaturePanel';
import { TaskPanel } from './panel/TaskPanel';
import { StartupStatus } from './startup/StartupStatus';
import { useHashRoute } from './routing/use-hash-route';
import { SignIn } from './auth/SignIn';

const ALL_LAYERS: ReadonlySet<LayerKind> = new Set<LayerKind>([...FEATURE_KINDS, 'control_zone']);

function errorText(error: BackendError | null, t: Translate): string | null {
  return error ? t(`error.${error.code}`, { message: error.message }) : null;
}

/** Points get a neighbourhood view; areas their extent. */
function fitFor(bbox: BBox, key: string): FitRequest {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const pad = maxLon - minLon < 0.002 && maxLat - minLat < 0.002 ? 0.006 : 0;
  return { bbox: [minLon - pad, minLat - pad, maxLon + pad, maxLat + pad], maxZoom: 15, key };
}

export function App({ onState }: { onState: (state: 'loading' | 'ready' | 'error') => void }) {
  const { t, locale, setLocale } = useI18n();
  const { status, retry, reset } = useBackendStatus();
  const ready = status.state === 'ready';
  useEffect(() => onState(status.state), [status.state, onState]);

  const [route, navigate] = useHashRoute();
  const [view, setView] = useState<{ bbox: BBox; zoom: number } | null>(null);
  const [visible, setVisible] = useState<ReadonlySet<LayerKind>>(ALL_LAYERS);
  // A task stays highlighted while the user opens its features from the task's list.
  const [pinnedTaskId, setPinnedTaskId] = useState<string | null>(null);
  const highlightTaskId = route?.kind === 'task' ? route.id : pinnedTaskId;
  const [zoomTo, setZoomTo] = useState<FitRequest | null>(null);
  const [basemap, setBasemap] = usePersistentState<BasemapChoice>('tuzhang.basemap', 'offline');
  const [tiandituKey, setTiandituKey] = usePersistentState<string>('tuzhang.tiandituKey', '');

  const inView = useFeaturesInView(view?.bbox ?? null, null, ready);
  const split = useMemo(() => (inView.data ? splitView(inView.data) : null), [inView.data]);
  const drawn = useMemo(() => (split ? visibleFeatures(split, visible) : null), [split, visible]);
  const counts = useMemo(() => {
    if (!inView.data) return null;
    return { ...inView.data.counts, control_zone: inView.data.zones?.features.length ?? 0 };
  }, [inView.data]);

  const featureId = route?.kind === 'feature' ? route.id : null;
  const detail = useFeatureDetail(featureId, ready);
  const task = useTaskFeatures(highlightTaskId, ready);

  // The map follows the route: to the feature, or to all features of the task.
  const fit = useMemo(() => {
    if (route?.kind === 'feature' && detail.data && detail.dataKey === route.id) {
      return fitFor(detail.data.bbox, `feature:${route.id}`);
    }
    if (route?.kind === 'task' && task.data?.bbox && task.dataKey === route.id) {
      return fitFor(task.data.bbox, `task:${route.id}`);
    }
    return null;
  }, [route, detail.data, detail.dataKey, task.data, task.dataKey]);

  const labels = useBasemapLabels(t('layers.schematicSuffix'));
  const style = useMemo(() => basemapStyle(basemap, tiandituKey), [basemap, tiandituKey]);

  const highlight = useMemo(() => {
    if (!task.data || task.dataKey !== highlightTaskId) return null;
    const stationIds = new Set(
      task.data.features.filter((f) => f.properties.kind === 'station').map((f) => f.properties.id),
    );
    return { features: task.data.features as Feature<Geometry>[], stationIds };
  }, [task.data, task.dataKey, highlightTaskId]);
  const selection = detail.data && detail.dataKey === featureId ? (detail.data as Feature<Geometry>) : null;

  const layers = useMemo(
    () => buildLayers({ drawn, highlight, selection, labels, zoom: view?.zoom ?? 8 }),
    [drawn, highlight, selection, labels, view?.zoom],
  );

  const onViewChange = useCallback((bbox: BBox, zoom: number) => setView({ bbox, zoom }), []);
  const openFeature = useCallback((id: string) => navigate({ kind: 'feature', id }), [navigate]);
  const onPick = useCallback(
    (info: PickingInfo) => {
      const props = (info.object as { properties?: MapFeatureProps & { station_id?: string } } | undefined)
        ?.properties;
      if (!props) return;
      if (props.cluster) {
        const [lon, lat] = info.coordinate ?? [0, 0];
        const d = view ? (view.bbox[2] - view.bbox[0]) / 16 : 0.05;
        setZoomTo({ bbox: [lon! - d, lat! - d, lon! + d, lat! + d], maxZoom: 17, key: `${lon},${lat},${d}` });
      } else {
        openFeature(props.station_id ?? props.id);
      }
    },
    [openFeature, view],
  );
  const tooltip = useCallback(
    (info: PickingInfo) => {
      const props = (info.object as { properties?: MapFeatureProps } | undefined)?.properties;
      if (!props) return null;
      if (props.cluster)
        return t('map.clusterTooltip', { kind: t(`kind.${props.kind}`), count: props.count ?? 0 });
      return props.name ? t('map.tooltip', { name: props.name, kind: t(`kind.${props.kind}`) }) : null;
    },
    [t],
  );
  const onFirstPaint = useCallback(() => {
    document.getElementById('root')?.setAttribute('data-map-painted', 'true');
  }, []);

  const toggle = useCallback((kind: LayerKind) => {
    setVisible((v) => {
      const next = new Set(v);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }, []);

  // A panel says why it has nothing: the database did not start, or its own read failed.
  const panelError = (error: BackendError | null) =>
    status.state === 'error' ? t('startup.failed') : errorText(error, t);

  const closePanel = () => {
    navigate(null);
    if (route?.kind === 'task') setPinnedTaskId(null);
  };

  return (
    <div className="app" data-highlighted={highlight?.features.length ?? 0}>
      <MapView
        style={style}
        layers={layers}
        fit={fit}
        zoomTo={zoomTo}
        onViewChange={onViewChange}
        onPick={onPick}
        tooltip={tooltip}
        onFirstPaint={onFirstPaint}
      />
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <span>{t('app.subtitle')}</span>
        </div>
        <SearchBox enabled={ready} onChoose={(hit) => openFeature(hit.properties.id)} />
        <button
          type="button"
          className="lang"
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
          data-testid="language-switch"
        >
          {t('app.language')}
        </button>
      </header>
      <Legend
        visible={visible}
        onToggle={toggle}
        counts={counts}
        aggregated={inView.data?.aggregated ?? false}
        basemap={basemap}
        onBasemap={setBasemap}
        tiandituKey={tiandituKey}
        onTiandituKey={setTiandituKey}
      />
      {highlight && task.data && route?.kind !== 'task' && (
        <div className="highlight-banner" data-testid="highlight-banner">
          {t('task.highlighted', { title: task.data.task.title, count: task.data.features.length })}
          <button type="button" onClick={() => setPinnedTaskId(null)}>
            {t('task.clearHighlight')}
          </button>
        </div>
      )}
      {route?.kind === 'feature' && (
        <FeaturePanel
          id={route.id}
          detail={detail.dataKey === route.id ? detail.data : undefined}
          loading={detail.loading || status.state === 'loading'}
          errorText={panelError(detail.error)}
          activeTaskId={highlightTaskId}
          onClose={closePanel}
          onShowTask={(tk) => navigate({ kind: 'task', id: tk.id })}
          onOpenFeature={openFeature}
        />
      )}
      {route?.kind === 'task' && (
        <TaskPanel
          id={route.id}
          data={task.dataKey === route.id ? task.data : undefined}
          loading={task.loading || status.state === 'loading'}
          errorText={panelError(task.error)}
          onClose={closePanel}
          onOpenFeature={(id) => {
            setPinnedTaskId(route.id);
            openFeature(id);
          }}
        />
      )}
      {inView.error && ready && (
        <p className="map-error" role="alert">
          {errorText(inView.error, t)}
        </p>
      )}
      <StartupStatus status={status} onRetry={retry} onReset={reset} />
      <SignIn />
    </div>
  );
}

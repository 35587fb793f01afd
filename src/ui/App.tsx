// The map ledger: map with layers and legend, search, and the side panel of a feature or task.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import { FEATURE_KINDS, type LayerKind } from '../domain/feature/kinds';
import {
  addVertex,
  draftGeometry,
  startDraft,
  undoVertex,
  type GeometryDraft,
} from '../domain/feature/geometry-draft';
import type { BBox, MapFeatureProps } from '../domain/ledger/types';
import { useFeatureDetail } from '../data/features/feature-detail';
import { useFeaturesInView } from '../data/features/features-in-view';
import { useTaskFeatures } from '../data/tasks/task-features';
import type { useBackendStatus } from '../data/use-backend-status';
import { useSession } from '../data/auth/session';
import { toBackendError, type BackendError } from '../data/backend';
import { useBackend } from '../data/backend-context';
import { linkFeature } from '../data/ledger/ledger';
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
import { parseHash } from './routing/hash-route';
import { SignIn } from './auth/SignIn';
import { UserMenu } from './auth/UserMenu';
import { WorkPanel } from './work/WorkPanel';
import { ItemPanel } from './work/ItemPanel';
import { LedgerView } from './ledger/LedgerView';
import { linkRefusalText } from './ledger/link-refusal';
import { ImportView } from './plans/ImportView';
import { UnitsView } from './units/UnitsView';

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

interface Props {
  backendStatus: ReturnType<typeof useBackendStatus>;
  onState: (state: 'loading' | 'ready' | 'error') => void;
}

export function App({ backendStatus, onState }: Props) {
  const { t, locale, setLocale } = useI18n();
  const { status, retry, reset } = backendStatus;
  const ready = status.state === 'ready';
  useEffect(() => onState(status.state), [status.state, onState]);
  const { membership } = useSession();
  const backend = useBackend();

  const [route, navigate] = useHashRoute();
  // Bumped after every change (an action on an item, an edit, a link), so lists, panels and the
  // map ask again.
  const [itemsRevision, setItemsRevision] = useState(0);
  const bumpItems = useCallback(() => setItemsRevision((n) => n + 1), []);

  const [view, setView] = useState<{ bbox: BBox; zoom: number } | null>(null);
  const [visible, setVisible] = useState<ReadonlySet<LayerKind>>(ALL_LAYERS);
  // A task stays highlighted while the user opens its features from the task's list.
  const [pinnedTaskId, setPinnedTaskId] = useState<string | null>(null);
  const highlightTaskId = route?.kind === 'task' ? route.id : pinnedTaskId;
  const [zoomTo, setZoomTo] = useState<FitRequest | null>(null);
  // Once per user: a township opens on its own items (我的任务) unless a permalink asks for
  // something else.
  useEffect(() => {
    if (membership?.role === 'township' && !parseHash(location.hash)) navigate({ kind: 'items' });
  }, [membership, navigate]);
  const isTownship = membership?.role === 'township';
  const [basemap, setBasemap] = usePersistentState<BasemapChoice>('tuzhang.basemap', 'offline');
  const [tiandituKey, setTiandituKey] = usePersistentState<string>('tuzhang.tiandituKey', '');

  const inView = useFeaturesInView(view?.bbox ?? null, null, ready, itemsRevision);
  const split = useMemo(() => (inView.data ? splitView(inView.data) : null), [inView.data]);
  const drawn = useMemo(() => (split ? visibleFeatures(split, visible) : null), [split, visible]);
  const counts = useMemo(() => {
    if (!inView.data) return null;
    return { ...inView.data.counts, control_zone: inView.data.zones?.features.length ?? 0 };
  }, [inView.data]);

  const featureId = route?.kind === 'feature' ? route.id : null;
  const detail = useFeatureDetail(featureId, ready, itemsRevision);
  const task = useTaskFeatures(highlightTaskId, ready, itemsRevision);

  // A planner drawing a feature's new position or outline: clicks on the map go to the draft
  // until it is done; the draft belongs to the open feature and goes when another one opens.
  const [anyShape, setShape] = useState<{ featureId: string; draft: GeometryDraft; done: boolean } | null>(
    null,
  );
  const shape = anyShape?.featureId === featureId ? anyShape : null;
  const drawing = shape !== null && !shape.done;
  useEffect(() => {
    if (!drawing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setShape(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawing]);
  const shapeEdit = useMemo(() => {
    if (membership?.role !== 'planner' || !featureId) return null;
    return {
      geometry: shape?.done ? draftGeometry(shape.draft) : null,
      drawing,
      onDraw: (mode: GeometryDraft['mode']) => setShape({ featureId, draft: startDraft(mode), done: false }),
      onDiscard: () => setShape(null),
    };
  }, [membership?.role, featureId, shape, drawing]);

  // The map follows the route: to the feature, or to all features of the task.
  const fit = useMemo(() => {
    if (route?.kind === 'feature' && detail.data && detail.dataKey === route.id) {
      return fitFor(detail.data.bbox, `feature:${route.id}`);
    }
    if (route?.kind === 'task' && task.data?.bbox && task.dataKey === route.id) {
      return fitFor(task.data.bbox, `task:${route.id}`);
    }
    // Otherwise the user's own area (a township's features, a limited viewer's district).
    if (membership?.bbox && route?.kind !== 'feature' && route?.kind !== 'task') {
      return { bbox: membership.bbox, maxZoom: 14, key: `home:${membership.user_id}` };
    }
    return null;
  }, [route, detail.data, detail.dataKey, task.data, task.dataKey, membership]);

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
    () =>
      buildLayers({
        drawn,
        highlight,
        selection,
        draft: shape?.draft ?? null,
        labels,
        zoom: view?.zoom ?? 8,
      }),
    [drawn, highlight, selection, shape?.draft, labels, view?.zoom],
  );

  // 地图选取: the ledger asked for a feature to link to a task; the next click on one links it.
  const [pickFor, setPickFor] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const linkPicked = useCallback(
    async (featureId: string) => {
      const taskId = pickFor!;
      setPickFor(null);
      try {
        await linkFeature(backend, featureId, taskId);
        setNotice(t('pick.linked'));
        bumpItems();
        navigate({ kind: 'ledger' });
      } catch (error) {
        setNotice(linkRefusalText(toBackendError(error), t));
      }
    },
    [backend, pickFor, bumpItems, navigate, t],
  );
  useEffect(() => {
    if (!pickFor) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setPickFor(null);
        navigate({ kind: 'ledger' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pickFor, navigate]);

  const onViewChange = useCallback((bbox: BBox, zoom: number) => setView({ bbox, zoom }), []);
  const openFeature = useCallback((id: string) => navigate({ kind: 'feature', id }), [navigate]);
  const onPick = useCallback(
    (info: PickingInfo) => {
      if (drawing) {
        const at = info.coordinate;
        if (at) setShape((s) => s && { ...s, draft: addVertex(s.draft, at) });
        return;
      }
      const props = (info.object as { properties?: MapFeatureProps & { station_id?: string } } | undefined)
        ?.properties;
      if (!props) return;
      if (props.cluster) {
        const [lon, lat] = info.coordinate ?? [0, 0];
        const d = view ? (view.bbox[2] - view.bbox[0]) / 16 : 0.05;
        setZoomTo({ bbox: [lon! - d, lat! - d, lon! + d, lat! + d], maxZoom: 17, key: `${lon},${lat},${d}` });
      } else if (pickFor) {
        void linkPicked(props.station_id ?? props.id);
      } else {
        openFeature(props.station_id ?? props.id);
      }
    },
    [openFeature, view, pickFor, linkPicked, drawing],
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
    <div className={drawing ? 'app drawing' : 'app'} data-highlighted={highlight?.features.length ?? 0}>
      <MapView
        style={style}
        layers={layers}
        fit={fit}
        zoomTo={zoomTo}
        onViewChange={onViewChange}
        onPick={onPick}
        tooltip={tooltip}
        onFirstPaint={onFirstPaint}
        drawing={drawing}
      />
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <span>{t('app.subtitle')}</span>
        </div>
        <SearchBox enabled={ready} onChoose={(hit) => openFeature(hit.properties.id)} />
        {membership && (
          <button
            type="button"
            className={
              route?.kind === 'items' || route?.kind === 'item' ? 'work-button active' : 'work-button'
            }
            onClick={() => navigate({ kind: 'items' })}
            data-testid="open-work"
          >
            {isTownship ? t('work.open.township') : t('work.open.other')}
          </button>
        )}
        {membership && (
          <button
            type="button"
            className={route?.kind === 'ledger' ? 'work-button active' : 'work-button'}
            onClick={() => navigate({ kind: 'ledger' })}
            data-testid="open-ledger"
          >
            {t('ledger.open')}
          </button>
        )}
        {membership?.role === 'planner' && (
          <button
            type="button"
            className={route?.kind === 'import' ? 'work-button active' : 'work-button'}
            onClick={() => navigate({ kind: 'import' })}
            data-testid="open-import"
          >
            {t('import.open')}
          </button>
        )}
        {membership && membership.role !== 'township' && (
          <button
            type="button"
            className={route?.kind === 'units' ? 'work-button active' : 'work-button'}
            onClick={() => navigate({ kind: 'units' })}
            data-testid="open-units"
          >
            {t('units.open')}
          </button>
        )}
        <UserMenu />
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
      {pickFor && (
        <div className="highlight-banner pick-banner" data-testid="pick-banner">
          {t('pick.prompt')}
          <button
            type="button"
            onClick={() => {
              setPickFor(null);
              navigate({ kind: 'ledger' });
            }}
          >
            {t('pick.cancel')}
          </button>
        </div>
      )}
      {shape && drawing && (
        <div className="highlight-banner draw-banner" data-testid="draw-banner">
          {t(shape.draft.mode === 'area' ? 'draw.promptArea' : 'draw.promptPoint', {
            count: shape.draft.vertices.length,
          })}
          {shape.draft.mode === 'area' && (
            <button
              type="button"
              disabled={shape.draft.vertices.length === 0}
              onClick={() => setShape({ ...shape, draft: undoVertex(shape.draft) })}
              data-testid="draw-undo"
            >
              {t('draw.undo')}
            </button>
          )}
          <button
            type="button"
            className="primary"
            disabled={draftGeometry(shape.draft) === null}
            onClick={() => setShape({ ...shape, done: true })}
            data-testid="draw-done"
          >
            {t('draw.done')}
          </button>
          <button type="button" onClick={() => setShape(null)} data-testid="draw-cancel">
            {t('draw.cancel')}
          </button>
        </div>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
          <button
            type="button"
            className="link"
            onClick={() => setNotice(null)}
            aria-label={t('panel.close')}
          >
            ×
          </button>
        </p>
      )}
      {route?.kind === 'ledger' && membership && (
        <LedgerView
          key={membership.user_id}
          membership={membership}
          revision={itemsRevision}
          onChanged={bumpItems}
          onShowTask={(id) => navigate({ kind: 'task', id })}
          onPickOnMap={(id) => {
            setPickFor(id);
            setNotice(null);
            navigate(null);
          }}
          onClose={closePanel}
        />
      )}
      {route?.kind === 'units' && membership && (
        <UnitsView
          key={membership.user_id}
          membership={membership}
          revision={itemsRevision}
          onChanged={bumpItems}
          onClose={closePanel}
        />
      )}
      {route?.kind === 'import' && membership?.role === 'planner' && (
        <ImportView
          onSaved={bumpItems}
          onOpenLedger={() => navigate({ kind: 'ledger' })}
          onClose={closePanel}
        />
      )}
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
          key={route.id}
          id={route.id}
          detail={detail.dataKey === route.id ? detail.data : undefined}
          loading={detail.loading || status.state === 'loading'}
          errorText={panelError(detail.error)}
          activeTaskId={highlightTaskId}
          onClose={closePanel}
          onShowTask={(tk) => navigate({ kind: 'task', id: tk.id })}
          onOpenFeature={openFeature}
          shape={shapeEdit}
          revision={itemsRevision}
          onChanged={bumpItems}
        />
      )}
      {route?.kind === 'task' && (
        <TaskPanel
          id={route.id}
          data={task.dataKey === route.id ? task.data : undefined}
          loading={task.loading || status.state === 'loading'}
          errorText={panelError(task.error)}
          revision={itemsRevision}
          onChanged={bumpItems}
          onOpenItem={(id) => navigate({ kind: 'item', id })}
          onClose={closePanel}
          onOpenFeature={(id) => {
            setPinnedTaskId(route.id);
            openFeature(id);
          }}
        />
      )}
      {route?.kind === 'items' && membership && (
        <WorkPanel
          key={membership.user_id}
          membership={membership}
          revision={itemsRevision}
          errorText={panelError}
          onOpenItem={(id) => navigate({ kind: 'item', id })}
          onClose={closePanel}
        />
      )}
      {route?.kind === 'item' && (
        <ItemPanel
          id={route.id}
          membership={membership ?? null}
          revision={itemsRevision}
          onChanged={bumpItems}
          errorText={panelError}
          onClose={closePanel}
          onBack={() => navigate({ kind: 'items' })}
          onOpenFeature={openFeature}
          onOpenTask={(id) => navigate({ kind: 'task', id })}
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

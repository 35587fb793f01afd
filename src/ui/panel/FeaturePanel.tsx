// The side panel of one feature: what it is, where, who is responsible, and its plan tasks.
import { useState } from 'react';
import type { FeatureDetail, TaskSummary } from '../../domain/ledger/types';
import { useI18n } from '../../i18n/i18n';
import { formatAttributes } from './attribute-format';
import { PanelFrame } from './PanelFrame';
import { TaskCard } from './TaskCard';
import { ZoneSources } from './ZoneSources';
import { HistoryList } from './HistoryList';
import { FeatureEditor, type ShapeEdit } from './FeatureEditor';

interface Props {
  id: string;
  detail: FeatureDetail | null | undefined;
  loading: boolean;
  errorText: string | null;
  activeTaskId: string | null;
  onClose: () => void;
  onShowTask: (task: TaskSummary) => void;
  onOpenFeature: (id: string) => void;
  /** Planners only: the map side of editing (drawing a position or outline). */
  shape: ShapeEdit | null;
  revision: number;
  onChanged: () => void;
}

export function FeaturePanel({
  id,
  detail,
  loading,
  errorText,
  activeTaskId,
  onClose,
  onShowTask,
  onOpenFeature,
  shape,
  revision,
  onChanged,
}: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const [editing, setEditing] = useState(false);
  const endEdit = (refresh: boolean) => {
    setEditing(false);
    shape?.onDiscard();
    if (refresh) onChanged();
  };
  const p = detail?.properties;
  const copyLink = () => {
    void navigator.clipboard?.writeText(location.href).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <PanelFrame
      testId="feature-panel"
      dataAttrs={{ 'data-feature-id': id }}
      title={<h2 data-testid="feature-name">{p?.name ?? (loading ? t('panel.loading') : id)}</h2>}
      subtitle={
        p && (
          <p className="panel-kind">
            {t(`kind.${p.kind}`)}
            {typeof p.attributes.level === 'string' && ` · ${p.attributes.level}`}
            {p.sample && <span className="badge">{t('app.sampleBadge')}</span>}
          </p>
        )
      }
      actions={
        p && (
          <>
            {shape && !editing && (
              <button type="button" onClick={() => setEditing(true)} data-testid="feature-edit">
                {t('edit.open')}
              </button>
            )}
            <button type="button" onClick={copyLink} title={t('panel.permalink')}>
              {copied ? t('panel.copied') : t('panel.permalink')}
            </button>
          </>
        )
      }
      errorText={errorText}
      notFoundText={detail === null && !loading ? t('panel.notFound', { id }) : null}
      onClose={onClose}
    >
      {p && detail && editing && shape && (
        <div className="panel-body">
          <FeatureEditor key={p.id} detail={detail} shape={shape} onDone={endEdit} />
        </div>
      )}
      {p && !editing && (
        <div className="panel-body">
          <dl className="facts">
            <dt>{t('panel.district')}</dt>
            <dd>{p.district.name}</dd>
            <dt>{t('panel.township')}</dt>
            <dd>{p.township?.name ?? t('panel.unassigned')}</dd>
            <dt>{t('panel.unit')}</dt>
            <dd data-testid="feature-unit">{p.unit?.name ?? t('panel.unassigned')}</dd>
            {formatAttributes(p.attributes, t).map(([label, value]) => (
              <FactRow key={label} label={label} value={value} />
            ))}
          </dl>
          {p.kind === 'station' && <ZoneSources stationId={p.id} onOpen={onOpenFeature} />}
          <section className="tasks" data-testid="feature-tasks">
            <h3>
              {t('panel.tasks')} <span className="muted">{p.tasks.length}</span>
            </h3>
            {p.tasks.length === 0 && <p className="muted">{t('panel.noTasks')}</p>}
            {p.tasks.map((task) => (
              <TaskCard key={task.id} task={task} onShow={onShowTask} active={task.id === activeTaskId} />
            ))}
          </section>
          <HistoryList key={p.id} subject={{ feature_id: p.id }} revision={revision} />
        </div>
      )}
    </PanelFrame>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

// A task shown on the map (挂图作战): the task, and the list of every feature linked to it.
import { useState } from 'react';
import type { TaskFeatures } from '../../domain/ledger/types';
import { useI18n } from '../../i18n/i18n';
import { LAYER_COLORS } from '../../map/layer-styles';
import { PanelFrame } from './PanelFrame';
import { TaskCard } from './TaskCard';
import { HistoryList } from './HistoryList';
import { TaskItems } from '../work/TaskItems';
import { useSession } from '../../data/auth/session';
import { TaskEditor } from './TaskEditor';

interface Props {
  id: string;
  data: TaskFeatures | null | undefined;
  loading: boolean;
  errorText: string | null;
  revision: number;
  onChanged: () => void;
  onClose: () => void;
  onOpenFeature: (id: string) => void;
  onOpenItem: (id: string) => void;
}

export function TaskPanel(props: Props) {
  const { id, data, loading, errorText, revision, onChanged, onClose, onOpenFeature, onOpenItem } = props;
  const { t } = useI18n();
  const { membership } = useSession();
  const [editing, setEditing] = useState(false);
  const endEdit = (refresh: boolean) => {
    setEditing(false);
    if (refresh) onChanged();
  };
  return (
    <PanelFrame
      testId="task-panel"
      dataAttrs={{ 'data-task-id': id }}
      title={<h2>{data?.task.title ?? (loading ? t('panel.loading') : id)}</h2>}
      actions={
        data &&
        membership?.role === 'planner' &&
        !editing && (
          <button type="button" onClick={() => setEditing(true)} data-testid="task-edit">
            {t('task.edit')}
          </button>
        )
      }
      errorText={errorText}
      notFoundText={data === null && !loading ? t('panel.taskNotFound', { id }) : null}
      onClose={onClose}
    >
      {data && (
        <div className="panel-body">
          {/* Keyed apart from HistoryList's key (the task id): siblings need distinct keys. */}
          {editing ? (
            <TaskEditor key={`edit-${data.task.id}`} task={data.task} onDone={endEdit} />
          ) : (
            <TaskCard task={data.task} active />
          )}
          <TaskItems
            taskId={data.task.id}
            membership={membership ?? null}
            revision={revision}
            onChanged={onChanged}
            onOpenItem={onOpenItem}
          />
          <section className="task-features">
            <h3>{t('task.features', { count: data.features.length })}</h3>
            {data.features.length === 0 && <p className="muted">{t('task.noFeatures')}</p>}
            <ul data-testid="task-feature-list">
              {data.features.map((f) => (
                <li key={f.id}>
                  <span
                    className="dot"
                    style={{ background: `rgb(${LAYER_COLORS[f.properties.kind].slice(0, 3).join(',')})` }}
                  />
                  <button type="button" className="link" onClick={() => onOpenFeature(f.properties.id)}>
                    {f.properties.name}
                  </button>
                  <span className="muted"> {t(`kind.${f.properties.kind}`)}</span>
                </li>
              ))}
            </ul>
          </section>
          <HistoryList key={data.task.id} subject={{ task_id: data.task.id }} revision={revision} />
        </div>
      )}
    </PanelFrame>
  );
}

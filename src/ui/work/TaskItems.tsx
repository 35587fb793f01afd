// How a task is being carried out (落实情况): its work items by township or unit, with status and
// overdue flags, and for command and planners a way to dispatch (交办) it to another township.
import { useState } from 'react';
import type { Membership } from '../../domain/ledger/types';
import { dispatchItem, useWorkItems } from '../../data/work-items/work-items';
import { useDistricts } from '../../data/districts/districts';
import { useBackend } from '../../data/backend-context';
import { toBackendError } from '../../data/backend';
import { useI18n } from '../../i18n/i18n';

interface Props {
  taskId: string;
  membership: Membership | null;
  revision: number;
  onChanged: () => void;
  onOpenItem: (id: string) => void;
}

export function TaskItems({ taskId, membership, revision, onChanged, onOpenItem }: Props) {
  const { t } = useI18n();
  // Assignment items only: a task's feature items are listed with its features. A task has one
  // per township or unit at most, so all of them are read.
  const items = useWorkItems({ task_id: taskId, assignments_only: true }, revision, Infinity);
  const canDispatch = membership?.role === 'command' || membership?.role === 'planner';
  const rows = items.data?.items ?? [];
  return (
    <section className="task-items-list" data-testid="task-items-list">
      <h3>
        {t('taskItems.title')} <span className="muted">{rows.length}</span>
      </h3>
      {items.data && rows.length === 0 && <p className="muted">{t('taskItems.none')}</p>}
      <ul className="work-list">
        {rows.map((item) => (
          <li key={item.id} className={item.overdue ? 'work-row work-row-overdue' : 'work-row'}>
            <button type="button" className="work-open" onClick={() => onOpenItem(item.id)}>
              <span className="work-meta">
                <strong>{item.township?.name ?? item.unit?.name}</strong>
                <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span>
                {item.overdue && <span className="flag flag-overdue">{t('work.overdue')}</span>}
                <span className="muted">{item.deadline ?? t('work.noDeadline')}</span>
              </span>
              {item.last_note && <span className="work-note">{item.last_note}</span>}
            </button>
          </li>
        ))}
      </ul>
      {canDispatch && <DispatchForm taskId={taskId} onDispatched={onChanged} />}
    </section>
  );
}

function DispatchForm({ taskId, onDispatched }: { taskId: string; onDispatched: () => void }) {
  const { t } = useI18n();
  const backend = useBackend();
  const districts = useDistricts(true).data ?? [];
  const [township, setTownship] = useState('');
  const [deadline, setDeadline] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const submit = async () => {
    if (!township) return setMessage(t('error.invalid_dispatch', { message: '' }));
    setBusy(true);
    setMessage(null);
    try {
      await dispatchItem(backend, {
        task_id: taskId,
        township_code: township,
        deadline: deadline || null,
        client_id: clientId,
      });
      setClientId(crypto.randomUUID());
      setTownship('');
      setMessage(t('taskItems.dispatched'));
      onDispatched();
    } catch (error) {
      const e = toBackendError(error);
      setMessage(t(`error.${e.code}`, { message: e.message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="dispatch-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="dispatch-form"
    >
      <select value={township} onChange={(e) => setTownship(e.target.value)} aria-label={t('work.township')}>
        <option value="">{t('taskItems.chooseTownship')}</option>
        {districts.map((d) => (
          <optgroup key={d.code} label={d.name}>
            {d.townships.map((tw) => (
              <option key={tw.code} value={tw.code}>
                {tw.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <input
        type="date"
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
        aria-label={t('item.deadline')}
      />
      <button type="submit" disabled={busy}>
        {t('taskItems.dispatch')}
      </button>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
